import * as Flags from '@oclif/core/flags';
import { PROBE_NAMES } from '@havenkit/model';

/** The --help section of each group of flags, named once for every command. */
export const FlagGroup = {
  Cluster: 'CLUSTER',
  Checks: 'CHECKS',
  Report: 'REPORT',
  Audit: 'AUDIT',
  Identity: 'IDENTITY',
} as const;

/** The whole-run deadline when --timeout is not given: 10 minutes. */
export const DEFAULT_RUN_TIMEOUT_MS = 10 * 60_000;

/** "90s", "10m", "1h30m", or plain seconds ("600") → milliseconds; undefined when not a positive duration. */
export function parseDuration(input: string): number | undefined {
  const text = input.trim();
  if (/^\d+$/.test(text)) return Number(text) > 0 ? Number(text) * 1000 : undefined;
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
  if (match === null || text === '') return undefined;
  const [, h = '0', m = '0', sec = '0'] = match;
  const ms = ((Number(h) * 60 + Number(m)) * 60 + Number(sec)) * 1000;
  return ms > 0 ? ms : undefined;
}

/** The flags that select a live cluster, shared by `check` and `snapshot`. */
export const clusterFlags = {
  kubeconfig: Flags.string({
    helpGroup: FlagGroup.Cluster,
    summary: 'Kubeconfig file to use (default: KUBECONFIG, then ~/.kube/config).',
    helpValue: 'FILE',
  }),
  context: Flags.string({
    helpGroup: FlagGroup.Cluster,
    summary: "Kubeconfig context to use (default: the kubeconfig's current-context).",
    helpValue: 'NAME',
  }),
  probe: Flags.string({
    helpGroup: FlagGroup.Cluster,
    summary: 'Run an opt-in active probe (repeatable): rwx, node-lsm.',
    description:
      'Probes are the only writes havenkit makes: in a namespace of their own (havenkit-probe-<random>, labelled app.kubernetes.io/managed-by=havenkit) that is deleted afterwards, also on Ctrl-C and SIGTERM, or in the existing namespace --probe-namespace names. rwx creates a ReadWriteMany claim per RWX-capable (or the default) StorageClass and waits for it to bind; node-lsm runs one unprivileged pod per node that reads /sys/kernel/security/lsm through a read-only hostPath.',
    multiple: true,
    delimiter: ',',
    options: [...PROBE_NAMES],
    helpValue: 'rwx|node-lsm',
  }),
  'probe-namespace': Flags.string({
    helpGroup: FlagGroup.Cluster,
    summary:
      'Run the probes in this existing namespace (from `havenkit rbac --probe`), not one of their own.',
    description:
      'The namespace is neither created nor deleted; only the objects of this run are removed afterwards (they carry the label havenkit.dev/probe-run). What an identity needs for it, and only there, is what `havenkit rbac --probe NAME` grants: no right to create or delete namespaces.',
    dependsOn: ['probe'],
    helpValue: 'NAMESPACE',
  }),
  'probe-timeout': Flags.integer({
    helpGroup: FlagGroup.Cluster,
    summary: 'Seconds the probes may run before unfinished parts count as pending or error.',
    default: 120,
    min: 1,
    helpValue: 'SECONDS',
  }),
  timeout: Flags.custom<number>({
    helpGroup: FlagGroup.Cluster,
    summary: 'Deadline for reading the cluster, e.g. 90s, 10m, 1h (default: 10m).',
    description:
      'When it passes, havenkit stops reading and reports what it has: everything not read by then is unknown with cause timeout (`check` exits 2; `sovereignty` shows the functions it feeds as unreadable). The probes count within it. Exec credential plugins have their own bound of 60 seconds.',
    helpValue: 'DURATION',
    parse: async (input) => {
      const ms = parseDuration(input);
      if (ms === undefined) throw new Error(`--timeout ${input} is not a duration like 90s, 10m or 1h`);
      return ms;
    },
  })(),
};

export const onlyFlag = Flags.string({
  helpGroup: FlagGroup.Checks,
  summary: 'Only these checks, comma-separated (e.g. multiaz,rbac).',
  helpValue: 'NAMES',
});

/** "a, b,,c" → ["a", "b", "c"]; undefined when the flag was not given. */
export function parseList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return names.length > 0 ? names : undefined;
}

/** `--width`, shared by the commands that print a table. */
export const tableWidthFlag = Flags.integer({
  summary: 'Table: wrap lines to this many columns (default: the terminal width, else 100).',
  helpValue: 'COLUMNS',
  min: 40,
  helpGroup: FlagGroup.Report,
});

/** `--[no-]color`, shared by the commands that print a table. */
export const colorFlag = Flags.boolean({
  summary: 'Colour the table (default: when stdout is a terminal and NO_COLOR is unset).',
  allowNo: true,
  helpGroup: FlagGroup.Report,
});

/** `--save-snapshot`, shared by `check` and `sovereignty` on a live cluster. */
export const saveSnapshotFlag = Flags.string({
  summary: 'Live runs: also save the collected snapshot to this file (what --sign signs for).',
  helpValue: 'FILE',
  helpGroup: FlagGroup.Audit,
});
