import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
import { describe, expect, it } from 'vitest';
// The CLI owns the exit codes; the checker only documents them (the CLI depends on the checker).
import { ExitCode } from '../../../cli/src/exit-codes.js';
import { loadCatalogue } from '../catalogue/load.js';
import type { Catalogue } from '../catalogue/types.js';
import { complianceDir } from '../paths.js';
import { CHECKS_DOC_FILES, checksMarkdown, type DocsLanguage } from './checks-markdown.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const catalogue = loadCatalogue();
const languages = Object.keys(CHECKS_DOC_FILES) as DocsLanguage[];

describe.each(languages)('docs for language %s', (language) => {
  const target = join(root, CHECKS_DOC_FILES[language]);
  const generated = checksMarkdown(catalogue, { language, exitCodes: ExitCode });

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
  it('takes the exit codes from its options', () => {
    const text = checksMarkdown(catalogue, {
      exitCodes: { Ok: 10, NotCompliant: 11, Inconclusive: 12, BadInput: 13, Unreachable: 14 },
    });
    expect(text).toMatch(/^\| 10 +\| `compliant`/m);
    expect(text).toMatch(/^\| 11 +\| `not-compliant`/m);
    expect(text).toMatch(/^\| 12 +\| `inconclusive`/m);
    expect(text).toMatch(/^\| 13 +\| –/m);
    expect(text).toMatch(/^\| 14 +\| –/m);
  });

  it('documents the CLI exit codes 0 to 4', () => {
    expect(ExitCode).toEqual({ Ok: 0, NotCompliant: 1, Inconclusive: 2, BadInput: 3, Unreachable: 4 });
  });

  it('writes Dutch prose for nl', () => {
    const text = checksMarkdown(catalogue, { language: 'nl', exitCodes: ExitCode });
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
    expect(() => checksMarkdown(broken, { exitCodes: ExitCode })).toThrow(
      /check "clusteradmin" reads snapshot section "probes.unheard-of"/,
    );
  });
});
