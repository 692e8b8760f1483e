/**
 * What in evidence only dates the judgement and is no change of the cluster: the one place that
 * says so for `havenkit diff`. Checks follow two conventions for this:
 *
 * - a field named `asOf` or `…AsOf` holds only a date: the bundled data's (cncf's `dataAsOf`) or
 *   the snapshot's (havenversion's `asOf`). Such a field is never compared.
 * - "as of <date>" inside a value or note (kubernetesversion's `source: bundled release table as of
 *   2026-11-01`): the date is left out of the comparison, the rest of the text is compared.
 *
 * Whatever else differs still shows, with the values as the reports have them.
 */

const DATE_FIELD = /^(asOf|.+AsOf)$/;

/** "as of 2026-11", "as of 2026-11-01", "as of 2026-11-01T09:00:00Z". */
const AS_OF_DATE = /\bas of \d{4}-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?/gi;

/** The field holds only a date: it is never a change. */
export function isDateField(name: string): boolean {
  return DATE_FIELD.test(name);
}

/** The value as it is compared: any "as of <date>" in a text masked. */
export function comparable<T>(value: T): T | string {
  return typeof value === 'string' ? value.replace(AS_OF_DATE, 'as of …') : value;
}
