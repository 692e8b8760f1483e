/**
 * The Haven check catalogue: the standard as data (compliance/haven/v12/*.yaml), one file per
 * check, joined by name with the pure check functions in src/checks/<name>.ts. Schema:
 * compliance/schemas/catalogue.schema.json; the types are generated from it
 * (./generated/catalogue.ts).
 */
import type * as C from './generated/catalogue.js';
import type { Accepts } from './refine.js';

export type {
  Category,
  LocalizedText,
  ResourceNeed,
  PermissionNeed,
  Remediation,
  RemediationText,
} from './generated/catalogue.js';

/**
 * A check as the schema's $defs/check describes it, except that `needs.sections` takes any string:
 * a catalogue that names an unknown section can be represented, and is rejected by the code that
 * reads the section (docs, collector) rather than by the type. `remediation` is optional here:
 * every catalogue file must have one (the schema requires it), but a check built in code (tests,
 * tools) may leave it out.
 */
export interface CheckDefinition extends Omit<C.CheckDefinition, 'needs' | 'remediation'> {
  /** What to change when the check does not pass (catalogue.schema.json $defs/remediation). */
  remediation?: C.Remediation;
  needs: Omit<C.CheckNeeds, 'sections'> & {
    /** Other snapshot sections the check reads: "version", "discovery", "access.unprivileged", "probes.rwx", "probes.nodeLsm". */
    sections?: string[];
  };
}

/**
 * The loaded catalogue (the schema's root). `categories` is optional here: loadCatalogue always
 * sets it from catalogue.yaml, but a catalogue built in code (tests, tools) may leave it out.
 */
export interface Catalogue extends Omit<C.Catalogue, 'categories' | 'checks'> {
  /**
   * Category order of the output (the official checker's order); checks sort by it, then by name.
   * Set by loadCatalogue from catalogue.yaml.
   */
  categories?: C.Category[];
  checks: CheckDefinition[];
}

// These two are looser than the schema: every schema-valid value must still fit (else tsc fails).
type _CatalogueLoosenings = [Accepts<CheckDefinition, C.CheckDefinition>, Accepts<Catalogue, C.Catalogue>];
