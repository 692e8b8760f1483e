/**
 * The provider profiles alone (`@havenkit/constructs/profiles`): for readers that need the data
 * without cdk8s, which the package's main entry loads (about 0.2 s), e.g. the dependency
 * register's substitutability.
 */
export type { ProviderProfile, RwxStorage } from './profile.js';
export { builtinProfileIds, loadBuiltinProfiles, loadProfile, parseProfile } from './load.js';
