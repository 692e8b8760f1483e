/** Every exit code the `havenkit` CLI uses, named once. */
export const ExitCode = {
  /** Success; for `check`: the cluster is Haven compliant. */
  Ok: 0,
  /** `check`: a mandatory check failed (not compliant). `diff`: something regressed. */
  NotCompliant: 1,
  /** `check`: no mandatory check failed, but one or more are unknown (inconclusive). */
  Inconclusive: 2,
  /**
   * Bad input: flags, kubeconfig (also a credential it names that cannot be used), snapshot, app
   * spec, provider profile, tampered file. Also an internal error, and a command that never
   * finished (an app module whose top-level await never settles): always one line on stderr.
   */
  BadInput: 3,
  /**
   * The cluster could not be reached, cut off its answers, or is not a Kubernetes API server (a
   * web page, 404 or an empty JSON object for everything, etcd).
   */
  Unreachable: 4,
  /**
   * `check --waivers`: the cluster fails checks, but every failure is covered by an active waiver.
   * Never 0: compliance with waivers is not compliance.
   */
  CompliantWithWaivers: 5,
  /**
   * `check --only` that left mandatory checks out: every selected check passed or was skipped.
   * Never 0: only a run of every mandatory check can show compliance.
   */
  SelectedPassed: 6,
  /** As SelectedPassed, with `--waivers`: every failure of the selected checks is waived. */
  SelectedPassedWithWaivers: 7,
  /** `sovereignty --fail-on`: a gate found a dependency it fails on (known facts). */
  GateFailed: 10,
  /** `sovereignty --fail-on`: gates tripped only on what is not known (unknown entities, unread functions). */
  GateUnknown: 11,
  /** `--publish`: the report was made (and written where asked), but the cluster did not take it. */
  PublishFailed: 12,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
