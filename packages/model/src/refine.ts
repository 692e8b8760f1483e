/**
 * Compile-time checks for the public types that refine a generated schema type (./generated/):
 * `Assignable<Refined, Schema>` is `true` when every Refined value is a Schema value, and fails to
 * compile otherwise (so a schema change that a refinement contradicts fails `tsc`).
 * `Accepts<Public, Schema>` is the converse, for the few public types that are deliberately looser
 * than the schema: every schema-valid value must still be a Public value.
 */
export type Assignable<Refined extends Schema, Schema> = [Refined] extends [Schema] ? true : never;
export type Accepts<Public, Schema extends Public> = [Schema] extends [Public] ? true : never;
