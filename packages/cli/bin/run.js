#!/usr/bin/env node
// Entry point of the `havenkit` binary. `@oclif/core/execute`, not the whole of @oclif/core: the
// commands come from oclif.manifest.json, and each command loads only what it needs.
import { execute } from '@oclif/core/execute';
await execute({ dir: import.meta.url });
