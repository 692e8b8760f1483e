import { describe, expect, it } from 'vitest';
import { generateSigningKeys, loadPublicKey } from '../sign/keys.js';
import { signReport } from '../sign/sign.js';
import { renderHavenJson } from '../report/haven-json.js';
import { renderJson } from '../report/json.js';
import { demoReport, demoSnapshot } from '../testing/reports.js';
import { readFleetFile } from './read.js';

const report = demoReport();
const keys = generateSigningKeys();
const other = generateSigningKeys();
const signed = signReport(report, keys.privateKeyPem, {
  name: 'snapshot.json',
  sha256: demoSnapshot().sha256,
});

describe('readFleetFile', () => {
  it('reads a native report as unsigned', () => {
    expect(readFleetFile(renderJson(report), 'r.json')).toEqual({
      kind: 'report',
      report,
      signature: 'unsigned',
    });
  });

  it('reads a signed report without a key as signed, not verified', () => {
    expect(readFleetFile(signed.envelope, 'r.json')).toMatchObject({ kind: 'report', signature: 'signed' });
  });

  it('verifies a signed report with the key', () => {
    expect(readFleetFile(signed.envelope, 'r.json', loadPublicKey(keys.publicKeyPem))).toMatchObject({
      kind: 'report',
      signature: 'verified',
      keyId: keys.keyId,
    });
  });

  it('refuses a signed report whose signature does not verify with the key', () => {
    const read = readFleetFile(signed.envelope, 'r.json', loadPublicKey(other.publicKeyPem));
    expect(read).toMatchObject({ kind: 'not-read', problem: 'bad-signature' });
    expect(read.kind === 'not-read' && read.detail).toMatch(/^signature does not verify with key /);
  });

  it('refuses a signed report that was changed after signing', () => {
    const envelope = JSON.parse(signed.envelope) as { payload: string };
    const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as {
      predicate: { verdict: string };
    };
    statement.predicate.verdict = 'compliant';
    envelope.payload = Buffer.from(JSON.stringify(statement)).toString('base64');
    const read = readFleetFile(JSON.stringify(envelope), 'r.json', loadPublicKey(keys.publicKeyPem));
    expect(read).toMatchObject({ kind: 'not-read', problem: 'bad-signature' });
  });

  it('passes over the official Haven JSON format', () => {
    const haven = renderHavenJson(report, {
      startTs: '2026-11-01T00:00:00Z',
      stopTs: '2026-11-01T00:00:01Z',
    });
    expect(readFleetFile(haven, 'haven.json')).toEqual({ kind: 'haven-json' });
  });

  it.each([
    ['text that is not JSON', 'nope', 'not-json'],
    ['a JSON array', '[]', 'not-a-report'],
    ['an object without a kind', '{"x":1}', 'not-a-report'],
    ['a report that breaks the schema', JSON.stringify({ ...report, verdict: 'fine' }), 'invalid-report'],
    ['a damaged envelope', '{"payloadType":"x"}', 'invalid-report'],
  ])('does not read %s', (_what, text, problem) => {
    expect(readFleetFile(text, 'f.json')).toMatchObject({ kind: 'not-read', problem });
  });

  it('passes over another havenkit document (a snapshot beside the reports), saying what it is', () => {
    const snapshot = JSON.stringify(demoSnapshot().snapshot);
    expect(readFleetFile(snapshot, 'snapshot.json')).toEqual({
      kind: 'havenkit-document',
      what: 'ClusterSnapshot',
    });
  });

  it('does not read a document of another tool, naming its kind', () => {
    expect(readFleetFile('{"apiVersion":"v1","kind":"ConfigMap"}', 'cm.json')).toEqual({
      kind: 'not-read',
      problem: 'not-a-report',
      detail: 'kind ConfigMap',
    });
  });

  it('leaves the file name out of a parser’s detail (the row names the file)', () => {
    expect(readFleetFile('{"payloadType":"x"}', 'dir/f.json')).toMatchObject({
      detail: '/payload is missing or not base64',
    });
  });
});
