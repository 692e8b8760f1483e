/** Every generated validator module: absolute path → file text. */
export function compileValidators(): Record<string, string>;
