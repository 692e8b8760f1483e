import { describe, expect, it } from 'vitest';
import { generateSigningKeys } from '../sign/keys.js';
import { signReport } from '../sign/sign.js';
import { demoReport } from '../testing/reports.js';
import { renderJson } from './json.js';
import { parseReportText } from './read.js';

const report = demoReport();

describe('parseReportText', () => {
  it('reads a native JSON report', () => {
    expect(parseReportText(renderJson(report), 'r.json')).toEqual(report);
  });

  it('reads the report inside a signed envelope, without checking the signature', () => {
    const { envelope } = signReport(report, generateSigningKeys().privateKeyPem, {
      name: 'snapshot.json',
      sha256: 'a'.repeat(64),
    });
    expect(parseReportText(envelope, 'signed.json')).toEqual(report);
  });

  it('names a file of another kind in one line', () => {
    expect(() => parseReportText('{"kind":"ClusterSnapshot"}', 's.json')).toThrow(
      's.json: not a havenkit report (kind ClusterSnapshot; expected ComplianceReport)',
    );
  });

  it('names the first bad field of an envelope whose predicate is not a report', () => {
    const { envelope } = signReport(report, generateSigningKeys().privateKeyPem, {
      name: 'snapshot.json',
      sha256: 'a'.repeat(64),
    });
    const parsed = JSON.parse(envelope) as { payload: string };
    const statement = JSON.parse(Buffer.from(parsed.payload, 'base64').toString('utf8')) as {
      predicate: { verdict: string };
    };
    statement.predicate.verdict = 'fine';
    parsed.payload = Buffer.from(JSON.stringify(statement)).toString('base64');
    expect(() => parseReportText(JSON.stringify(parsed), 'bad.json')).toThrow(
      /^bad\.json: payload\.predicate\.verdict: must be one of "compliant", /,
    );
  });
});
