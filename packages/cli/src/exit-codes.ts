/** Every exit code the `havenkit` CLI uses, named once. */
export const ExitCode = {
  /** Success; for `check`: the cluster is Haven compliant. */
  Ok: 0,
  /** `check`: a mandatory check failed (not compliant). `diff`: something regressed. */
  NotCompliant: 1,
  /** `check`: no mandatory check failed, but one or more are unknown (inconclusive). */
  Inconclusive: 2,
  /** Bad input: flags, kubeconfig, snapshot, app spec, provider profile, tampered file. */
  BadInput: 3,
  /** The cluster could not be reached. */
  Unreachable: 4,
  /**
   * `check --waivers`: the cluster fails checks, but every failure is covered by an active waiver.
   * Never 0: compliance with waivers is not compliance.
   */
  CompliantWithWaivers: 5,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
