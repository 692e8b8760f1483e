// wrap-ansi 7 (CommonJS) ships no types. 7 rather than 10: its string-width 4 loads in a few
// milliseconds, where string-width 8 (an Intl.Segmenter and Unicode property expressions, built at
// import) cost every `check` and `sovereignty` run 50–70 ms of start-up. oclif ships 7 as well.
declare module 'wrap-ansi' {
  interface WrapOptions {
    /** Break words longer than the width. */
    readonly hard?: boolean;
    readonly wordWrap?: boolean;
    /** Trim whitespace at line ends (default true). */
    readonly trim?: boolean;
  }
  export default function wrapAnsi(input: string, columns: number, options?: WrapOptions): string;
}
