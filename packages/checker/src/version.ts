/** The checker's name and version as they appear in reports (kept equal to package.json by a test). */
export const CHECKER_NAME = '@havenkit/checker';
export const CHECKER_VERSION = '0.1.0';
