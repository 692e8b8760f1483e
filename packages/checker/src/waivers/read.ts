import { createHash } from 'node:crypto';
import { INPUT_LIMITS, inputErrorReason, readInputFile } from '../files/read-input.js';
import { InputError, oneLine, type Catalogue, type WaiverFile } from '@havenkit/model';
import { validate } from '../schema.js';
import { parseYaml } from '../yaml.js';

/** A parsed waivers file and the sha256 of its bytes. */
export interface WaiversInput {
  file: WaiverFile;
  sha256: string;
}

/**
 * Validates a parsed waivers file (compliance/schemas/waivers.schema.json) and its dates.
 * @throws InputError `<source>: <field>: <problem>` (one line, exit code 3).
 */
export function parseWaivers(value: unknown, source: string): WaiverFile {
  const problem = validate('waivers', value);
  if (problem) throw new InputError(`${source}: ${problem}`);
  const file = value as WaiverFile;
  file.waivers.forEach((w, i) => {
    const day = new Date(`${w.expires}T00:00:00Z`);
    if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== w.expires) {
      throw new InputError(`${source}: waivers[${i}].expires: ${w.expires} is not a calendar date`);
    }
  });
  return file;
}

/** Reads a waivers file (YAML or JSON). @throws InputError naming the file and the first bad field. */
export function readWaiversFile(path: string, maxBytes: number = INPUT_LIMITS.document): WaiversInput {
  let bytes: Buffer;
  try {
    bytes = readInputFile(path, maxBytes);
  } catch (error) {
    throw new InputError(`cannot read waivers file ${path}: ${inputErrorReason(error)}`);
  }
  let value: unknown;
  try {
    value = parseYaml(bytes.toString('utf8'), path);
  } catch (error) {
    throw new InputError(`${path}: not valid YAML: ${oneLine((error as Error).message).split(' 1 |')[0]}`);
  }
  return { file: parseWaivers(value, path), sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * Every waiver names a check of the catalogue: a misspelt name would otherwise waive nothing,
 * silently. @throws InputError `<source>: waivers[<i>].check: <name> is not a Haven check; known checks: …`.
 */
export function checkWaiverNames(file: WaiverFile, catalogue: Catalogue, source: string): void {
  const names = new Set(catalogue.checks.map((c) => c.name));
  file.waivers.forEach((w, i) => {
    if (!names.has(w.check)) {
      throw new InputError(
        `${source}: waivers[${i}].check: ${w.check} is not a Haven check; known checks: ${[...names].sort().join(', ')}`,
      );
    }
  });
}
