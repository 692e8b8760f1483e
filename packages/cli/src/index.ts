export { ExitCode } from './exit-codes.js';
export { UserError } from './errors.js';
