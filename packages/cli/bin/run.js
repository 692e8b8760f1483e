#!/usr/bin/env node
// Entry point of the `havenkit` binary: oclif discovers the commands in dist/commands.
import { execute } from '@oclif/core';

await execute({ dir: import.meta.url });
