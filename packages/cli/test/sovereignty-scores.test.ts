/**
 * `havenkit sovereignty` scores and rules, in process as `havenkit` runs it: the EU Cloud
 * Sovereignty Framework section of the json register, the weight sets (--weights) and the rules
 * mapping; a signed register with scores that `havenkit verify` makes again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand } from '@oclif/test';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { validate, type DependencyRegister } from '@havenkit/checker';

const root = fileURLToPath(new URL('..', import.meta.url));
const demo = fileURLToPath(new URL('../../../examples/snapshots/demo.json', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'havenkit-scores-'));

async function havenkit(...argv: string[]) {
  const result = await runCommand(argv, { root });
  const exit = (result.error as { oclif?: { exit?: number } } | undefined)?.oclif?.exit;
  const code = exit ?? (typeof process.exitCode === 'number' ? process.exitCode : 0);
  return { stdout: result.stdout, stderr: result.stderr, code };
}
const registerOf = (text: string) => JSON.parse(text) as DependencyRegister;

afterEach(() => {
  process.exitCode = undefined;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('sovereignty scores', () => {
  it('scores the register against the EU Cloud Sovereignty Framework v1.2.1 with its own weights by default', async () => {
    const run = await havenkit('sovereignty', '--snapshot', demo, '-o', 'json');
    const register = registerOf(run.stdout);
    expect(validate('register', register)).toBeUndefined();
    expect(register.scores!.framework).toEqual({
      id: 'eu-csf',
      name: 'EU Cloud Sovereignty Framework',
      version: '1.2.1',
    });
    expect(register.scores!.weights.id).toBe('framework-1.2.1');
    expect(register.scores!.objectives.map((o) => o.id)).toHaveLength(8);
  });

  it('weighs the score with the calculator weights given --weights calculator-2026, the SEALs unchanged', async () => {
    const a = registerOf((await havenkit('sovereignty', '--snapshot', demo, '-o', 'json')).stdout);
    const b = registerOf(
      (await havenkit('sovereignty', '--snapshot', demo, '--weights', 'calculator-2026', '-o', 'json'))
        .stdout,
    );
    expect(b.scores!.weights.id).toBe('calculator-2026');
    expect(b.scores!.seal).toEqual(a.scores!.seal);
    expect(b.scores!.objectives.find((o) => o.id === 'SOV-1')!.weight).toBe(20);
  });

  it('refuses an unknown weight set in one line with exit 3, naming the sets', async () => {
    const run = await havenkit('sovereignty', '--snapshot', demo, '--weights', 'v9');
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      'havenkit: error: --weights v9: not a weight set of the framework; choose from framework-1.2.1, calculator-2026\n',
    );
  });

  it('maps the findings to DORA, NIS2 and the Dutch cloud policy, each line with its source', async () => {
    const register = registerOf((await havenkit('sovereignty', '--snapshot', demo, '-o', 'json')).stdout);
    const ids = register.rules!.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['DORA-28-8', 'DORA-29-1-a', 'NIS2-21-2-d', 'NL-3-2']));
    for (const r of register.rules!) {
      expect(r.source.url).toMatch(/^https:\/\//);
      expect(r.findings.length).toBeGreaterThan(0);
    }
  });

  it('judges substitutability against the provider profiles: a group whose functions another provider offers is substitutable', async () => {
    const register = registerOf((await havenkit('sovereignty', '--snapshot', demo, '-o', 'json')).stdout);
    const judged = register.concentration!.filter((g) => g.substitutable !== undefined);
    expect(judged.length).toBeGreaterThan(0);
    for (const g of judged) expect(g.substitutable).toBe(g.notSubstitutable!.length === 0);
  });

  it('signs a register weighed with --weights that verify makes again from the snapshot', async () => {
    await havenkit('keys', 'generate', '--out', join(work, 'k'));
    const out = join(work, 'register.json');
    const run = await havenkit(
      'sovereignty',
      '--snapshot',
      demo,
      '--weights',
      'calculator-2026',
      '--sign',
      join(work, 'k.key'),
      '-o',
      'json',
      '--out',
      out,
    );
    expect(run.code).toBe(0);
    const verified = await havenkit('verify', out, '--key', join(work, 'k.pub'), '--snapshot', demo);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('the same register');
  });
});
