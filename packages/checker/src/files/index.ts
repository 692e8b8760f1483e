/**
 * `@havenkit/checker/files`: reading and writing the user's files safely, without the rest of the
 * checker (its index loads the catalogue, validators and renderers: a tenth of a second that
 * `synth` and `providers` need not pay).
 */
export { INPUT_LIMITS, formatSize, inputErrorReason, parseSize, readInputFile } from './read-input.js';
export { writeTarget } from './write-target.js';
