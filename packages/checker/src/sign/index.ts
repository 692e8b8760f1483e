export { pae } from './pae.js';
export { generateSigningKeys, keyIdOf, loadPrivateKey, loadPublicKey, type SigningKeys } from './keys.js';
export {
  IN_TOTO_PAYLOAD_TYPE,
  IN_TOTO_STATEMENT_TYPE,
  REPORT_PREDICATE_TYPE,
  parseEnvelope,
  payloadBytes,
  readSignedReport,
  type DsseEnvelope,
  type DsseSignature,
  type ReportStatement,
  type ReportSubject,
  type SignedReport,
} from './envelope.js';
export { signReport, type SignedEnvelope } from './sign.js';
export { verifySignature, type SignatureCheck, type SignatureProblem } from './verify.js';
export {
  REPORT_WIDE,
  firstDifference,
  recompute,
  reproduce,
  type Mismatch,
  type ReproduceOptions,
} from './reproduce.js';
export { REGISTER_PREDICATE_TYPE, predicateTypeOf, readSignedRegister, signRegister } from './register.js';
