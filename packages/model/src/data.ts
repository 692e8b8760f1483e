/**
 * The bundled facts under compliance/data/, validated against compliance/schemas/data.schema.json
 * (one $defs entry per file); the types are generated from the schema (./generated/data.ts).
 */
import type * as D from './generated/data.js';

export type {
  KubernetesRelease,
  PlatformDefinition,
  RwxProvisioner,
  LogCollector,
  AcmeController,
  OperatingSystem,
  SpecialPurposeAddresses,
  SpecialPurposeRegistry,
  SpecialPurposeEntry,
} from './generated/data.js';

/** The data files, by key (the file names are in @havenkit/checker's data/load.ts). */
export interface BundledData {
  kubernetesReleases: D.KubernetesReleases;
  cncfPlatforms: D.CncfPlatforms;
  rwxProvisioners: D.RwxProvisioners;
  logCollectors: D.LogCollectors;
  acmeControllers: D.AcmeControllers;
  hardenedOs: D.HardenedOs;
  specialPurposeAddresses: D.SpecialPurposeAddresses;
}
