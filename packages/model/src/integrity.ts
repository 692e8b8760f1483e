/** One file whose hash differs from the manifest (actual null: the file is missing). */
export interface IntegrityMismatch {
  path: string;
  expected: string;
  actual: string | null;
}

/** The outcome of verifying the toolkit's runtime files against the build-time manifest. */
export type IntegrityResult =
  | { status: 'verified'; manifest: string; files: number }
  | { status: 'mismatch'; manifest: string; files: number; mismatches: IntegrityMismatch[] }
  | { status: 'unavailable'; manifest: string; message: string };
