/**
 * A provider profile: everything that may differ between providers, as data. The schema is
 * compliance/schemas/provider-profile.schema.json; loading fills in its defaults, so every
 * field that the schema defaults is present after `loadProfile` (the generated type,
 * ../generated/provider-profile.ts, has them required). Made readonly here.
 */
import type * as P from '../generated/provider-profile.js';
import type { Assignable } from '@havenkit/model';
import type { DeepReadonly } from '../spec/types.js';

/**
 * ReadWriteMany storage: a class (possibly after installing an add-on), or why not and what to do.
 * A refinement of the schema's `storage.rwx`, whose if/thens say the same: `supported: false`
 * requires `reason` and `remedy`, `supported: true` a class.
 */
type Rwx =
  | {
      supported: true;
      /** storageClassName on ReadWriteMany claims (the cluster's default class is almost never RWX). */
      class: string;
      provisioner?: string;
      /** What must be installed first; written as the `havenkit.dev/requires` annotation on the claim. */
      addon?: string;
    }
  | { supported: false; reason: string; remedy: string };

export type RwxStorage = DeepReadonly<Rwx>;

type Profile = Omit<P.ProviderProfile, 'storage'> & {
  storage: Omit<P.ProviderProfile['storage'], 'rwx'> & { rwx: Rwx };
};

export type ProviderProfile = DeepReadonly<Profile>;

// The refinement must stay within the schema: a schema change it contradicts fails tsc here.
type _ProfileRefinement = Assignable<Profile, P.ProviderProfile>;
