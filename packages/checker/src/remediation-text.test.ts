import { describe, expect, it } from 'vitest';
import { loadCatalogue } from './catalogue/load.js';
import { normalizeRemediation, parseRemediation, remediationPlainText, spans } from './remediation-text.js';

const TEXT = [
  'Install metrics-server, then check',
  'the `v1beta1.metrics.k8s.io` APIService:',
  '',
  '```yaml',
  'kind: ClusterRole',
  '',
  'rules: []',
  '```',
  '',
  '- first item,',
  '  continued',
  '- second `item`',
].join('\n');

describe('parseRemediation', () => {
  it('joins the lines of a paragraph and splits out inline code', () => {
    expect(parseRemediation(TEXT)[0]).toEqual({
      kind: 'paragraph',
      spans: [
        { text: 'Install metrics-server, then check the ' },
        { code: 'v1beta1.metrics.k8s.io' },
        { text: ' APIService:' },
      ],
    });
  });

  it('keeps a code block as written, blank lines included, with its language', () => {
    expect(parseRemediation(TEXT)[1]).toEqual({
      kind: 'code',
      language: 'yaml',
      code: 'kind: ClusterRole\n\nrules: []',
    });
  });

  it('reads "- " lines as list items, indented lines continuing an item', () => {
    expect(parseRemediation(TEXT)[2]).toEqual({
      kind: 'list',
      items: [[{ text: 'first item, continued' }], [{ text: 'second ' }, { code: 'item' }]],
    });
  });

  it('runs an unclosed code block to the end, and keeps an unmatched backtick as text', () => {
    expect(parseRemediation('```\nkubectl get nodes')).toEqual([{ kind: 'code', code: 'kubectl get nodes' }]);
    expect(spans('a ` b')).toEqual([{ text: 'a ` b' }]);
  });
});

describe('remediationPlainText', () => {
  it('prints a paragraph per line, items as "- ", code indented by 4 spaces, blocks apart', () => {
    expect(remediationPlainText(TEXT)).toBe(
      [
        'Install metrics-server, then check the `v1beta1.metrics.k8s.io` APIService:',
        '',
        '    kind: ClusterRole',
        '',
        '    rules: []',
        '',
        '- first item, continued',
        '- second `item`',
      ].join('\n'),
    );
  });
});

describe('normalizeRemediation', () => {
  it('puts each paragraph and item on one line and keeps code blocks as written', () => {
    const normal = normalizeRemediation(TEXT);
    expect(normal).toBe(
      [
        'Install metrics-server, then check the `v1beta1.metrics.k8s.io` APIService:',
        '',
        '```yaml',
        'kind: ClusterRole',
        '',
        'rules: []',
        '```',
        '',
        '- first item, continued',
        '- second `item`',
      ].join('\n'),
    );
    expect(parseRemediation(normal)).toEqual(parseRemediation(TEXT));
  });
});

describe('the catalogue remediations', () => {
  const texts = loadCatalogue().checks.flatMap((check) =>
    [check.remediation?.fail, ...Object.values(check.remediation?.unknown ?? {})]
      .filter((t) => t !== undefined)
      .flatMap((t) => [
        [`${check.name} en`, t.en],
        [`${check.name} nl`, t.nl],
      ]),
  );

  it.each(texts)('%s closes every code block it opens', (_, text) => {
    const fences = text.split('\n').filter((line) => line.startsWith('```')).length;
    expect(fences % 2).toBe(0);
    expect(parseRemediation(text).length).toBeGreaterThan(0);
  });
});
