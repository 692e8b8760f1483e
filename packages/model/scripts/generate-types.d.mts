/** Per schema: where its types go, and the type names of its subschemas (JSON pointer → name). */
export const TARGETS: readonly {
  schema: string;
  out: string;
  defaults?: boolean;
  names: Readonly<Record<string, string>>;
}[];
/** The generated files: repo-relative path → contents (formatted with the repo's prettier config). */
export function generateTypes(): Promise<Map<string, string>>;
/** Writes the generated files; returns the repo-relative paths that changed. */
export function writeTypes(): Promise<string[]>;
