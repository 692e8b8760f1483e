import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KubeError } from './errors.js';
import { loadKubeconfig } from './kubeconfig.js';
import { KubeTransport } from './transport.js';

const dir = mkdtempSync(join(tmpdir(), 'havenkit-exec-timeout-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A kubeconfig whose user gets its credentials from `plugin` (nothing listens on the server: no request may go out). */
function withPlugin(script: string): string {
  const plugin = join(dir, 'plugin.sh');
  writeFileSync(plugin, `#!/bin/sh\n${script}\n`);
  chmodSync(plugin, 0o755);
  const file = join(dir, 'config.yaml');
  writeFileSync(
    file,
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      'current-context': 'ctx',
      clusters: [{ name: 'c', cluster: { server: 'https://127.0.0.1:1' } }],
      users: [
        {
          name: 'sso-user',
          user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: plugin } },
        },
      ],
      contexts: [{ name: 'ctx', context: { cluster: 'c', user: 'sso-user' } }],
    }),
  );
  return file;
}

describe('an exec credential plugin', () => {
  it('that never exits stops the request within its timeout with exit 3, naming the user and field', async () => {
    const loaded = loadKubeconfig({ kubeconfigPath: withPlugin('sleep 600'), execTimeoutMs: 500 });
    const transport = new KubeTransport(loaded.kubeConfig, { retry: { maxAttempts: 1 } });
    const started = Date.now();
    const error = await transport.get('/version').catch((err: unknown) => err);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(KubeError);
    expect(error).toMatchObject({ exitCode: 3 });
    expect((error as KubeError).message).toMatch(
      /user "sso-user" \(context "ctx"\): exec\.command: the credential plugin ".*plugin\.sh" did not finish within 0\.5 s/,
    );
  });
});
