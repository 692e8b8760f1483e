/**
 * A waivers file (compliance/schemas/waivers.schema.json) and the waivers section of a report
 * (compliance/schemas/report.schema.json); the types are generated from the schemas.
 */
export type { WaiverFile, WaiverObject, Waiver } from './generated/waivers.js';
export type { WaiverStatus, WaiverOutcome, WaiverReport } from './generated/report.js';
