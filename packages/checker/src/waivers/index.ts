export { applyWaivers } from './apply.js';
export { checkWaiverNames, parseWaivers, readWaiversFile, type WaiversInput } from './read.js';
export type {
  Waiver,
  WaiverFile,
  WaiverObject,
  WaiverOutcome,
  WaiverReport,
  WaiverStatus,
} from '@havenkit/model';
