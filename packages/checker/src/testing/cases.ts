import { expect } from 'vitest';
import type { CheckContext, CheckFunction } from '../checks/context.js';
import type { CheckResult, Outcome, UnknownCause, ClusterSnapshot } from '@havenkit/model';
import { makeContext } from './fixtures.js';

/** One table-driven case: a behaviour of the spec, a snapshot, and the expected outcome. */
export interface CheckCase {
  /** The behaviour, as the spec states it. */
  spec: string;
  snapshot: ClusterSnapshot;
  context?: Partial<CheckContext>;
  outcome: Outcome;
  cause?: UnknownCause;
  /** A fragment the English reason must contain. */
  reason?: string | RegExp;
  /** Asserts on the evidence. */
  evidence?: (result: CheckResult) => void;
}

/** Runs a case and asserts outcome, cause, reason and evidence. */
export function expectCase(check: CheckFunction, c: CheckCase): CheckResult {
  const result = check(c.snapshot, makeContext(c.context));
  expect({ outcome: result.outcome, cause: result.cause }).toEqual({ outcome: c.outcome, cause: c.cause });
  expect(result.reason.en.length).toBeGreaterThan(0);
  expect(result.reason.nl.length).toBeGreaterThan(0);
  if (c.reason) expect(result.reason.en).toMatch(c.reason);
  c.evidence?.(result);
  return result;
}
