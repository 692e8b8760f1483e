import type * as Model from '@havenkit/model';
import { describe, expect, it, vi } from 'vitest';
import { makeContext, notServed, withResources } from '../testing/fixtures.js';
import { cis } from './cis.js';
import { kubescape } from './kubescape.js';

// The read messages reworded so that they name neither the HTTP status nor the reason: a check
// that looked for "404", "NotFound" or "NotServed" in the text of a failed read would now decide
// otherwise. cis and kubescape decide on the structured error in the snapshot, so they do not.
vi.mock('@havenkit/model', async (importOriginal) => {
  const model = await importOriginal<typeof Model>();
  const message: typeof model.message = (id, ...args) =>
    id.startsWith('read.') && id !== 'read.sentence'
      ? { en: 'something went wrong', nl: 'er ging iets mis' }
      : model.message(id, ...args);
  return { ...model, message };
});

const CIS = 'clustercompliancereports.aquasecurity.github.io';
const KUBESCAPE = 'configurationscansummaries.spdx.softwarecomposition.kubescape.io';
const context = makeContext({ suggested: { cis: true, kubescape: true } });

describe('cis and kubescape whatever the wording of the read messages', () => {
  it('cis still sees that the Trivy operator is not installed', () => {
    const result = cis(withResources({ [CIS]: notServed() }), context);
    expect([result.outcome, result.cause]).toEqual(['unknown', 'insufficient-data']);
    expect(result.reason.en).toContain('the Trivy operator is not installed');
  });

  it('kubescape still sees that the Kubescape operator is not installed', () => {
    const result = kubescape(withResources({ [KUBESCAPE]: notServed() }), context);
    expect([result.outcome, result.cause]).toEqual(['unknown', 'insufficient-data']);
    expect(result.reason.en).toContain('the Kubescape operator is not installed');
  });

  it('the reworded message is in effect', () => {
    const result = cis(
      withResources({ [CIS]: { error: { code: 500, reason: 'X', message: 'y' } } }),
      context,
    );
    expect(result.reason.en).toBe('Something went wrong.');
  });
});
