import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterDirectories, contextsOfFlag, selectClusters, splitContexts } from './clusters.js';

const work = mkdtempSync(join(tmpdir(), 'havenkit-fleet-clusters-'));
// The collector (and @kubernetes/client-node) loads on first use: once, before the tests' clocks run.
beforeAll(async () => {
  await import('@havenkit/collect');
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A kubeconfig with these contexts, each on its own cluster and user. */
function kubeconfig(file: string, contexts: readonly string[]): string {
  writeFileSync(
    file,
    dump({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: contexts.map((_c, i) => ({
        name: `c${i}`,
        cluster: { server: `https://127.0.0.1:${6443 + i}` },
      })),
      users: contexts.map((_c, i) => ({ name: `u${i}`, user: { token: 't' } })),
      contexts: contexts.map((c, i) => ({ name: c, context: { cluster: `c${i}`, user: `u${i}` } })),
      'current-context': contexts[0] ?? '',
    }),
  );
  return file;
}

describe('cluster directories', () => {
  it('replaces what a file system could refuse or misread, and never makes a hidden or parent directory', () => {
    expect(clusterDirectories(['prod/eu west', '..', '.hidden', 'a\u001b[31mred', ''])).toEqual([
      'prod_eu_west',
      '_',
      '_hidden',
      'a_31mred',
      'cluster',
    ]);
  });

  it('keeps names unique, also where the file system ignores case', () => {
    expect(clusterDirectories(['a/b', 'a_b', 'Prod', 'prod', 'a:b'])).toEqual([
      'a_b',
      'a_b-2',
      'Prod',
      'prod-2',
      'a_b-3',
    ]);
  });

  it('never takes the name of the fleet summary', () => {
    expect(clusterDirectories(['fleet.json'])).toEqual(['fleet.json_']);
  });

  it('is at most 80 characters long', () => {
    expect(clusterDirectories(['x'.repeat(300)])[0]).toHaveLength(80);
  });
});

describe('--context', () => {
  it('splits comma-separated names and drops repeats', () => {
    expect(splitContexts(['a,b', ' c ', 'a', ','])).toEqual(['a', 'b', 'c']);
  });

  it('one name is a single run, exactly as given', async () => {
    await expect(contextsOfFlag(['prod'], undefined)).resolves.toEqual({ single: 'prod' });
  });

  it('keeps a name with a comma whole when the kubeconfig has a context of that name', async () => {
    const file = kubeconfig(join(work, 'comma.yaml'), ['a,b', 'a']);
    await expect(contextsOfFlag(['a,b'], file)).resolves.toEqual({ single: 'a,b' });
    await expect(contextsOfFlag(['a,c'], file)).resolves.toEqual({ several: ['a', 'c'] });
  });
});

describe('selecting the clusters', () => {
  it('--all-contexts: every context of the kubeconfig, sorted', async () => {
    const file = kubeconfig(join(work, 'all.yaml'), ['zeta', 'alpha', 'mid']);
    const { clusters } = await selectClusters({ allContexts: true, kubeconfig: file });
    expect(clusters).toEqual(
      ['alpha', 'mid', 'zeta'].map((c) => ({ name: c, context: c, kubeconfig: file })),
    );
  });

  it('--all-contexts: from KUBECONFIG, merged, when no --kubeconfig is given', async () => {
    const a = kubeconfig(join(work, 'env-a.yaml'), ['one']);
    const b = kubeconfig(join(work, 'env-b.yaml'), ['two', 'one']);
    const { clusters } = await selectClusters({ allContexts: true, env: { KUBECONFIG: `${a}:${b}` } });
    expect(clusters.map((c) => [c.name, c.kubeconfig])).toEqual([
      ['one', undefined],
      ['two', undefined],
    ]);
  });

  it('--kubeconfig-dir: each context of each kubeconfig; a context in two files is named FILE/CONTEXT', async () => {
    const dir = join(work, 'dir');
    mkdirSync(dir);
    const prod = kubeconfig(join(dir, 'prod.yaml'), ['prod', 'shared']);
    const test = kubeconfig(join(dir, 'test.yaml'), ['test', 'shared']);
    writeFileSync(join(dir, 'README.md'), '# kubeconfigs of the clusters\n');
    writeFileSync(join(dir, '.hidden.yaml'), 'kind: Config\n');
    mkdirSync(join(dir, 'sub'));
    symlinkSync(prod, join(dir, 'zz-link.yaml'));
    const { clusters, skipped } = await selectClusters({ kubeconfigDir: dir });
    const link = join(dir, 'zz-link.yaml');
    // "prod" is in prod.yaml and, through the link, in zz-link.yaml too; "test" only in test.yaml.
    expect(clusters.map((c) => [c.name, c.context, c.kubeconfig])).toEqual([
      ['prod.yaml/prod', 'prod', prod],
      ['prod.yaml/shared', 'shared', prod],
      ['test', 'test', test],
      ['test.yaml/shared', 'shared', test],
      ['zz-link.yaml/prod', 'prod', link],
      ['zz-link.yaml/shared', 'shared', link],
    ]);
    expect(skipped).toEqual([{ file: join(dir, 'README.md'), reason: 'not a kubeconfig' }]);
  });

  it('--kubeconfig-dir: a kubeconfig that cannot be read is a cluster that fails with bad input', async () => {
    const dir = join(work, 'broken');
    mkdirSync(dir);
    kubeconfig(join(dir, 'good.yaml'), ['good']);
    writeFileSync(join(dir, 'bad.yaml'), 'kind: Config\ncontexts: [\n');
    const { clusters } = await selectClusters({ kubeconfigDir: dir });
    expect(clusters.map((c) => c.name)).toEqual(['bad.yaml', 'good']);
    expect(clusters[0]!.error).toMatch(/^cannot read kubeconfig .*bad\.yaml/);
  });

  it('--kubeconfig-dir: a directory without a kubeconfig is bad input', async () => {
    const dir = join(work, 'empty');
    mkdirSync(dir);
    await expect(selectClusters({ kubeconfigDir: dir })).rejects.toMatchObject({
      exitCode: 3,
      message: `--kubeconfig-dir ${dir} holds no kubeconfig with a context`,
    });
  });
});
