#!/usr/bin/env node
// Entry point of the `havenkit` binary. `@oclif/core/execute`, not the whole of @oclif/core: the
// commands come from oclif.manifest.json, and each command loads only what it needs.
import { execute } from '@oclif/core/execute';

// When the command waits for something that can never happen (an app module whose top-level
// await never settles), Node runs out of work and exits 13 without a word. Say so, with the exit
// code of bad input (3), as for any other error (exit-codes.ts).
let finished = false;
process.once('beforeExit', () => {
  if (finished) return;
  process.stderr.write(
    'havenkit: error: the command never finished: it waited for something that can never happen (for example an app module whose top-level await never settles)\n',
  );
  process.exit(3);
});
try {
  await execute({ dir: import.meta.url });
} finally {
  finished = true;
}
