import { defaultIntegrityPaths, verifyIntegrity, type IntegrityResult } from '@havenkit/checker';

/** Verifies the installed toolkit's runtime files against the manifest written at build time. */
export function integrityOfToolkit(): IntegrityResult {
  const { manifestPath, rootDir } = defaultIntegrityPaths();
  return verifyIntegrity(manifestPath, rootDir);
}
