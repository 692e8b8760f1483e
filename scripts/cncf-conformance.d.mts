/** A conformanceDirs rule of compliance/data/cncf-platforms.yaml. */
export interface DirRule {
  dir: string;
  productName?: string;
}

/** A directory v1.NN/<dir>/ that holds a submission, with its PRODUCT.yaml name when it has one. */
export interface Submission {
  dir: string;
  product?: string;
}

export interface Scan {
  range: { from: string; to: string };
  minors: Map<string, Submission[]>;
}

export interface PlatformRules {
  id: string;
  conformanceDirs?: DirRule[];
  minors?: string[];
  submissions?: Record<string, string[]>;
}

export interface Compiled {
  platforms: Map<string, { minors: string[]; submissions: Record<string, string[]> }>;
  unmatched: string[];
}

export interface Header {
  asOf: string;
  sourceCommit: string;
  sourceCommitDate?: string;
  compiledFrom: 'checkout' | 'file-index';
  minorRange: { from: string; to: string };
}

/** The files v1.NN/<dir>/<file>, relative to the repository: from git's index in a checkout, else the disk. */
export function listFiles(repo: string): string[];
export function scanRepository(repo: string, from: string, files?: readonly string[]): Scan;
export function matchesRule(rule: DirRule, submission: Submission): boolean;
export function compilePlatforms(platforms: readonly PlatformRules[], scan: Scan): Compiled;
export function rewriteTable(text: string, header: Header, compiled: Compiled): string;
export function differences(
  table: { minorRange?: { from: string; to: string }; platforms: PlatformRules[] },
  range: { from: string; to: string },
  compiled: Compiled,
): string[];
export function gitHead(repo: string): { commit: string; date: string };
