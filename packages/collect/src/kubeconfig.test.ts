import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { loadKubeconfig } from './kubeconfig.js';

const dir = mkdtempSync(join(tmpdir(), 'havenkit-kubeconfig-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function kubeconfig(
  file: string,
  opts: { current?: string; contexts: [string, string][]; servers: [string, string][] },
): string {
  const path = join(dir, file);
  const lines = [
    'apiVersion: v1',
    'kind: Config',
    ...(opts.current ? [`current-context: ${opts.current}`] : []),
    'clusters:',
    ...opts.servers.flatMap(([name, server]) => [`- name: ${name}`, '  cluster:', `    server: ${server}`]),
    'users:',
    '- name: u',
    '  user: { token: t }',
    'contexts:',
    ...opts.contexts.flatMap(([name, cluster]) => [
      `- name: ${name}`,
      '  context:',
      `    cluster: ${cluster}`,
      '    user: u',
    ]),
  ];
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const a = kubeconfig('a.yaml', {
  current: 'alpha',
  contexts: [
    ['alpha', 'c1'],
    ['shared', 'c1'],
  ],
  servers: [['c1', 'https://a.example:6443']],
});
const b = kubeconfig('b.yaml', {
  current: 'beta',
  contexts: [
    ['beta', 'c2'],
    ['shared', 'c2'],
  ],
  servers: [
    ['c2', 'https://b.example:6443'],
    ['c1', 'https://overridden.example'],
  ],
});
const noCurrent = kubeconfig('none.yaml', {
  contexts: [['x', 'c1']],
  servers: [['c1', 'https://x.example']],
});
const emptyHome = mkdtempSync(join(tmpdir(), 'havenkit-home-'));

describe('kubeconfig loading (kubectl rules, no localhost fallback)', () => {
  it('uses --kubeconfig and its current-context', () => {
    const loaded = loadKubeconfig({ kubeconfigPath: a, env: {}, homeDir: emptyHome });
    expect(loaded).toMatchObject({ context: 'alpha', server: 'https://a.example:6443', files: [a] });
  });

  it('merges KUBECONFIG like kubectl: the first file wins, missing files are skipped', () => {
    const env = { KUBECONFIG: [join(dir, 'missing.yaml'), a, b].join(delimiter) };
    const loaded = loadKubeconfig({ env, homeDir: emptyHome });
    expect(loaded.context).toBe('alpha');
    expect(loaded.files).toEqual([a, b]);
    expect(loadKubeconfig({ env, context: 'beta', homeDir: emptyHome }).server).toBe(
      'https://b.example:6443',
    );
    // "shared" and cluster c1 are defined in both: the first definition wins.
    expect(loadKubeconfig({ env, context: 'shared', homeDir: emptyHome }).server).toBe(
      'https://a.example:6443',
    );
  });

  it('--kubeconfig beats KUBECONFIG', () => {
    expect(loadKubeconfig({ kubeconfigPath: b, env: { KUBECONFIG: a }, homeDir: emptyHome }).context).toBe(
      'beta',
    );
  });

  it('refuses to fall back to http://localhost:8080 when there is no kubeconfig', () => {
    expect(() => loadKubeconfig({ env: {}, homeDir: emptyHome })).toThrow(
      expect.objectContaining({ exitCode: 3, message: expect.stringContaining('no kubeconfig found') }),
    );
    expect(() => loadKubeconfig({ env: { KUBECONFIG: join(dir, 'nope.yaml') }, homeDir: emptyHome })).toThrow(
      /none of the files in KUBECONFIG exist/,
    );
    expect(() => loadKubeconfig({ kubeconfigPath: join(dir, 'nope.yaml'), env: {} })).toThrow(
      /kubeconfig .*nope\.yaml does not exist \(--kubeconfig\)/,
    );
  });

  it('names the missing context and the known ones', () => {
    expect(() => loadKubeconfig({ kubeconfigPath: a, context: 'prod', env: {} })).toThrow(
      expect.objectContaining({
        exitCode: 3,
        message: expect.stringMatching(
          /context "prod" \(--context\) not found .* \(contexts: alpha, shared\)/,
        ),
      }),
    );
    expect(() => loadKubeconfig({ kubeconfigPath: noCurrent, env: {} })).toThrow(
      /has no current-context; pass --context/,
    );
  });

  it('refuses a server URL that is not an http(s) URL', () => {
    const bad = kubeconfig('bad-url.yaml', {
      current: 'x',
      contexts: [['x', 'c1']],
      servers: [['c1', 'ftp://x.example']],
    });
    expect(() => loadKubeconfig({ kubeconfigPath: bad, env: {} })).toThrow(
      /has an invalid server URL: "ftp:\/\/x.example"/,
    );
  });

  it('reports an unparsable kubeconfig as bad input', () => {
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'clusters: [ {name: x\n');
    expect(() => loadKubeconfig({ kubeconfigPath: broken, env: {} })).toThrow(
      expect.objectContaining({ exitCode: 3, message: expect.stringContaining('cannot read kubeconfig') }),
    );
  });
});
