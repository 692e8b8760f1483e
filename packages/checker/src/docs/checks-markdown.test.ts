import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue/load.js';
import type { Catalogue } from '@havenkit/model';
import { complianceDir } from '../paths.js';
import { CHECK_EXIT_CODES, CHECKS_DOC_FILES, checksMarkdown, type DocsLanguage } from './checks-markdown.js';
import { normalizeRemediation } from '../remediation-text.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const catalogue = loadCatalogue();
const languages = Object.keys(CHECKS_DOC_FILES) as DocsLanguage[];

describe.each(languages)('docs for language %s', (language) => {
  const target = join(root, CHECKS_DOC_FILES[language]);
  const generated = checksMarkdown(catalogue, language);

  it(`the committed ${CHECKS_DOC_FILES[language]} equals the page generated from the catalogue (pnpm docs:checks)`, () => {
    expect(readFileSync(target, 'utf8')).toBe(generated);
  });

  it('is Prettier-stable as generated', async () => {
    const options = (await prettier.resolveConfig(target)) ?? {};
    expect(await prettier.format(generated, { ...options, filepath: target })).toBe(generated);
  });

  it('has one section per check, in catalogue order, with its rationale and decides text', () => {
    const headings = [...generated.matchAll(/^### (\S+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(catalogue.checks.map((c) => c.name));
    for (const check of catalogue.checks) {
      expect(generated).toContain(check.rationale[language]);
      expect(generated).toContain(check.decides[language]);
      expect(generated).toContain(`- **Label:** ${check.label}`);
    }
  });

  it('says what to do per check: when it fails, when it is unknown for a cause it advises on, and the sources', () => {
    const missing: string[] = [];
    for (const check of catalogue.checks) {
      const section = generated.slice(generated.indexOf(`### ${check.name}\n`)).split(/\n### /)[0] ?? '';
      const remediation = check.remediation!;
      const expected = [
        `:**\n\n${normalizeRemediation(remediation.fail[language])}\n`,
        ...Object.entries(remediation.unknown ?? {}).map(
          ([cause, text]) => `(\`${cause}\`):**\n\n${normalizeRemediation(text[language])}\n`,
        ),
        ...(remediation.sources ?? []).map((s) => s.url),
      ];
      for (const text of expected) if (!section.includes(text)) missing.push(`${check.name}: ${text}`);
    }
    expect(missing).toEqual([]);
  });

  it('explains every unknown cause of the report schema', () => {
    const schema = JSON.parse(
      readFileSync(join(complianceDir(), 'schemas', 'report.schema.json'), 'utf8'),
    ) as unknown;
    const causes = JSON.stringify(schema).match(/"cause":\{"enum":(\[[^\]]*\])/)?.[1];
    expect(causes).toBeDefined();
    for (const cause of JSON.parse(causes ?? '[]') as string[]) {
      expect(generated).toMatch(new RegExp(`^\\| \`${cause}\` +\\|`, 'm'));
    }
  });
});

describe('checksMarkdown', () => {
  it('documents the exit codes 0 to 7 with their verdicts', () => {
    const text = checksMarkdown(catalogue);
    expect(text).toMatch(
      /^\| 0 +\| `compliant` +\| Every mandatory check ran, and each passed or was skipped: the cluster is Haven compliant\. +\|$/m,
    );
    expect(text).toMatch(/^\| 1 +\| `not-compliant` +\| At least one mandatory check failed\. +\|$/m);
    expect(text).toMatch(
      /^\| 2 +\| `inconclusive` +\| No mandatory check failed, but one or more are unknown/m,
    );
    expect(text).toMatch(/^\| 3 +\| – +\| Bad input/m);
    expect(text).toMatch(
      /^\| 4 +\| – +\| The cluster could not be reached, .* not a Kubernetes API server\. +\|$/m,
    );
    expect(text).toMatch(
      /^\| 6 +\| `selected-passed` .*\| A run limited by `--only` that left mandatory checks out/m,
    );
    expect(text).toMatch(/^\| 7 +\| `selected-passed-with-waivers` .*\| As 6, with `--waivers`/m);
  });

  it('states the exit codes of the CLI (packages/cli/src/exit-codes.ts), without importing the CLI', () => {
    // The checker must not depend on the CLI, so the source is read as text: `Name: number,` lines.
    const source = readFileSync(join(root, 'packages/cli/src/exit-codes.ts'), 'utf8');
    const body = /export const ExitCode = \{([^}]*)\}/.exec(source)?.[1] ?? '';
    const cli = Object.fromEntries(
      [...body.matchAll(/^\s*(\w+): (\d+),?$/gm)].map((m) => [m[1], Number(m[2])]),
    );
    // 10 and 11 are `sovereignty --fail-on`'s, documented in docs/sovereignty.md.
    const { GateFailed, GateUnknown, ...check } = cli;
    expect({ GateFailed, GateUnknown }).toEqual({ GateFailed: 10, GateUnknown: 11 });
    expect(check).toEqual({
      Ok: 0,
      NotCompliant: 1,
      Inconclusive: 2,
      BadInput: 3,
      Unreachable: 4,
      CompliantWithWaivers: 5,
      SelectedPassed: 6,
      SelectedPassedWithWaivers: 7,
      PublishFailed: 12,
    });
    expect(Object.fromEntries(CHECK_EXIT_CODES.map((e) => [e.name, e.code]))).toEqual(check);
  });

  it('writes Dutch prose for nl', () => {
    const text = checksMarkdown(catalogue, 'nl');
    expect(text).toMatch(/^# Haven-controles$/m);
    expect(text).toContain('**Hoe de controle beslist.**');
    expect(text).not.toContain('**How it decides.**');
  });

  it('fails loudly for a snapshot section it cannot describe', () => {
    const [first] = catalogue.checks;
    if (!first) throw new Error('empty catalogue');
    const broken: Catalogue = {
      ...catalogue,
      checks: [{ ...first, needs: { ...first.needs, sections: ['probes.unheard-of'] } }],
    };
    expect(() => checksMarkdown(broken)).toThrow(
      /check "clusteradmin" reads snapshot section "probes.unheard-of"/,
    );
  });
});
