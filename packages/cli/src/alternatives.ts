/**
 * The providers a subject could move to, for the register's substitutability: havenkit's built-in
 * provider profiles and the functions each offers (every profile hosts nodes and runs a control
 * plane; storage, load balancers and DNS where the profile says so). A profile's entity is the
 * facts' provider of the same id; a profile without one (generic, OpenStack, on-prem) is a platform
 * you run yourself. Read through the profiles' own entry point, without cdk8s.
 */
import type { FunctionId, LoadedSovereigntyFacts } from '@havenkit/model';
import { exitTargetOf, type ExitTarget } from '@havenkit/checker';
import { builtinProfileIds, loadBuiltinProfiles, loadProfile } from '@havenkit/constructs/profiles';
import { UserError } from './errors.js';
import { ExitCode } from './exit-codes.js';
import { nearest } from './nearest.js';

export interface ProviderAlternative {
  readonly id: string;
  readonly entity?: string;
  readonly functions: readonly FunctionId[];
}

export function providerAlternatives(facts: LoadedSovereigntyFacts): ProviderAlternative[] {
  return loadBuiltinProfiles().map((profile) => {
    const functions: FunctionId[] = ['hosting', 'control-plane'];
    if (profile.storage.rwo !== undefined) functions.push('storage');
    if (profile.loadBalancer !== undefined) functions.push('load-balancing');
    if (profile.certManager?.dns01Webhook !== undefined) functions.push('dns');
    const entity = facts.providers.find((p) => p.id === profile.id)?.entity;
    return { id: profile.id, ...(entity !== undefined ? { entity } : {}), functions };
  });
}

/**
 * The target of --exit-to: a built-in provider profile (or a profile file, as --provider takes),
 * loaded before any request. `flag` names it in the error (verify reloads the register's target).
 */
export function exitTargetFor(value: string, flag = '--exit-to'): ExitTarget {
  const ids = builtinProfileIds();
  if (!/[\\/]|\.ya?ml$/.test(value) && !ids.includes(value)) {
    const near = nearest(value, ids);
    throw new UserError(
      `${flag} ${value}: no provider profile ${value}${near ? ` (did you mean ${near}?)` : ''}; profiles: ${ids.join(', ')}`,
      ExitCode.BadInput,
    );
  }
  try {
    return exitTargetOf(loadProfile(value));
  } catch (err) {
    throw new UserError(`${flag} ${value}: ${(err as Error).message.split('\n')[0]}`, ExitCode.BadInput);
  }
}
