/**
 * @havenkit/model: the shapes havenkit reads and writes (snapshot, check result, report, waivers,
 * bundled data) and the texts it prints in English and Dutch. Types and pure functions only: no
 * I/O, and no import of another havenkit package.
 */
export * from './catalogue.js';
export * from './snapshot.js';
export * from './result.js';
export * from './report.js';
export * from './waivers.js';
export * from './data.js';
export * from './sovereignty.js';
export * from './register.js';
export * from './integrity.js';
export * from './errors.js';
export * from './messages.js';
export * from './refine.js';
export * from './schema-error.js';
export * from './terminal.js';
export * from './aliases.js';
