import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import type { InferredFlags } from '@oclif/core/interfaces';
import {
  LANGUAGES,
  VERDICT_TEXT,
  languageFromEnvironment,
  REGISTER_PREDICATE_TYPE,
  buildRegister,
  canonicalJson,
  loadPublicKey,
  loadSovereigntyFacts,
  mergeFacts,
  predicateTypeOf,
  readSignedRegister,
  readUserFacts,
  text,
  parseEnvelope,
  readSignedReport,
  readSnapshotFile,
  reproduce,
  verifySignature,
} from '@havenkit/checker';
import type {
  ClusterSnapshot,
  Language,
  Mismatch,
  ReportSubject,
  Verdict,
  VerdictWithWaivers,
} from '@havenkit/checker';
import { exitTargetFor, providerAlternatives } from '../alternatives.js';
import { HavenkitCommand } from '../base-command.js';
import { UserError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { readTextFile } from '../files.js';
import { inputLimits, maxInputSizeFlag } from '../input-limit.js';
import { integrityOfToolkit } from '../integrity.js';

/** What `verify` returns (and prints with --json) when the report verifies. */
export interface VerifyResult {
  /** What was signed: a check report, or a dependency register (`sovereignty --sign`). */
  readonly kind: 'report' | 'register';
  readonly report: string;
  readonly keyId: string;
  readonly subject: ReportSubject;
  /** A check report's verdict (absent for a register). */
  readonly verdict?: Verdict;
  /** A register's one-line summary (absent for a report). */
  readonly summary?: string;
  readonly verdictWithWaivers?: VerdictWithWaivers;
  /** With --snapshot: the snapshot re-evaluated and how many checks all match. */
  readonly reproduced?: { readonly snapshot: string; readonly checks: number };
}

/** How many mismatches the error line lists. */
const SHOWN = 3;

function describeMismatch(m: Mismatch): string {
  return `${m.check} ${m.field}: reported ${m.reported}, recomputed ${m.recomputed}`;
}

type VerifyFlags = InferredFlags<typeof Verify.flags>;

/** The snapshot file given with --snapshot, which must be the signed statement's subject. */
function subjectSnapshot(
  file: string,
  subject: ReportSubject,
  maxBytes: number,
  what: 'report' | 'register',
): ClusterSnapshot {
  const { snapshot, sha256 } = readSnapshotFile(file, maxBytes);
  if (sha256 !== subject.sha256) {
    throw new UserError(
      `${file}: the snapshot does not match the ${what}: sha256 ${sha256}, the ${what} was made from ${subject.name} with sha256 ${subject.sha256}`,
      ExitCode.BadInput,
    );
  }
  return snapshot;
}

export default class Verify extends HavenkitCommand {
  static override summary = 'Verify a signed report: its signature, and with --snapshot that it reproduces.';

  static override description = `Checks a report signed with \`havenkit check --sign\` (a DSSE envelope around an in-toto statement): the ed25519 signature must verify with the public key given with --key, so the report is exactly what the key's holder signed. With --snapshot, also checks that the snapshot file is the one the report was made from (its sha256 is the statement's subject) and evaluates it again with the recorded settings and waivers: every check's outcome, reason and evidence, the verdict and the verdict with waivers must come out the same, with the same checker version.

A dependency register signed with \`havenkit sovereignty --sign\` is verified the same way; with --snapshot (and the --facts files it was made with) it is made again and must come out identical.

The exit code says whether the report is authentic, not whether the cluster is compliant: read the verdict for that.

Exit codes:
  0  the signature verifies (and, with --snapshot, the report reproduces)
  3  bad input or a failed verification: a missing or malformed file, a key that is not an ed25519 public key, a signature that does not verify (the report was changed after signing, or signed with another key), a snapshot that is not the report's, or a report that does not reproduce`;

  static override examples = [
    {
      description: 'Verify the signature of a report:',
      command: '<%= config.bin %> <%= command.id %> audit/report.json --key havenkit.pub',
    },
    {
      description: 'Also re-evaluate the snapshot it was made from:',
      command:
        '<%= config.bin %> <%= command.id %> audit/report.json --key havenkit.pub --snapshot audit/snapshot.json',
    },
    {
      description: 'Machine-readable:',
      command:
        '<%= config.bin %> <%= command.id %> report.json --key havenkit.pub --snapshot snapshot.json --json',
    },
  ];

  static override enableJsonFlag = true;

  static override args = {
    report: Args.string({ description: 'the signed report (`check --sign -o json`)', required: true }),
  };

  static override flags = {
    key: Flags.string({
      summary: 'The public key (PEM) of the signer (`keys generate` writes it as PREFIX.pub).',
      helpValue: 'PUB',
      required: true,
    }),
    snapshot: Flags.string({
      summary: 'The snapshot the report was made from: check its digest and re-evaluate it.',
      helpValue: 'FILE',
    }),
    lang: Flags.string({
      summary: 'Language of the text output (default: from LC_ALL/LC_MESSAGES/LANG).',
      options: [...LANGUAGES],
    }),
    facts: Flags.string({
      summary:
        'A register: the --facts files it was made with, to make it again from --snapshot (repeatable).',
      helpValue: 'FILE',
      multiple: true,
    }),
    'max-input-size': maxInputSizeFlag,
  };

  async run(): Promise<VerifyResult> {
    const { args, flags } = await this.parse(Verify);
    if (flags.key === '') {
      throw new UserError('--key PUB is required: the public key of the signer', ExitCode.BadInput);
    }
    const path = args.report;
    const limits = inputLimits(flags['max-input-size']);
    const reportText = readTextFile(path, `report ${path}`, limits.snapshot);
    const key = loadPublicKey(
      readTextFile(flags.key, `key ${flags.key}`, limits.document),
      `${flags.key} (--key)`,
    );

    // The signature first: nothing in an unverified payload is worth reading.
    const signature = verifySignature(parseEnvelope(reportText, path), key);
    if (!signature.ok) throw new UserError(`${path}: ${signature.message}`, ExitCode.BadInput);
    if (predicateTypeOf(parseEnvelope(reportText, path)) === REGISTER_PREDICATE_TYPE) {
      return this.verifyRegister(path, reportText, signature.keyId, flags);
    }
    const { report, subject } = readSignedReport(reportText, path);
    if (report.metadata.snapshot.sha256 !== undefined && report.metadata.snapshot.sha256 !== subject.sha256) {
      throw new UserError(
        `${path}: the report records snapshot sha256 ${report.metadata.snapshot.sha256}, but its signed subject is ${subject.sha256}`,
        ExitCode.BadInput,
      );
    }

    let reproduced: VerifyResult['reproduced'];
    if (flags.snapshot !== undefined) {
      const snapshot = subjectSnapshot(flags.snapshot, subject, limits.snapshot, 'report');
      const mismatches = reproduce(report, snapshot, { integrity: integrityOfToolkit() });
      if (mismatches.length > 0) {
        const more = mismatches.length > SHOWN ? `; and ${mismatches.length - SHOWN} more` : '';
        throw new UserError(
          `${path}: the report does not reproduce from ${flags.snapshot}: ${mismatches.length} mismatch${
            mismatches.length === 1 ? '' : 'es'
          }: ${mismatches.slice(0, SHOWN).map(describeMismatch).join('; ')}${more}`,
          ExitCode.BadInput,
        );
      }
      reproduced = { snapshot: flags.snapshot, checks: report.results.length + report.suggested.length };
    }

    const result: VerifyResult = {
      kind: 'report',
      report: path,
      keyId: signature.keyId,
      subject,
      verdict: report.verdict,
      ...(report.verdictWithWaivers !== undefined ? { verdictWithWaivers: report.verdictWithWaivers } : {}),
      ...(reproduced !== undefined ? { reproduced } : {}),
    };
    if (this.jsonEnabled()) return result;
    const language = (flags.lang as Language | undefined) ?? languageFromEnvironment();
    const w = (key: 'keyId' | 'subject' | 'verdict') => text(`verify.${key}`, language);
    const labelWidth = Math.max(w('keyId').length, w('subject').length, w('verdict').length);
    const field = (key: 'keyId' | 'subject' | 'verdict', value: string) =>
      this.log(`  ${w(key).padEnd(labelWidth)}  ${value}`);
    const withWaivers =
      report.verdictWithWaivers !== undefined
        ? ` (${text('verify.withWaivers', language)}: ${VERDICT_TEXT[report.verdictWithWaivers][language]})`
        : '';
    this.log(text('verify.verified', { report: path }, language));
    field('keyId', signature.keyId);
    field('subject', `${subject.name} (sha256 ${subject.sha256})`);
    field('verdict', `${VERDICT_TEXT[report.verdict][language]}${withWaivers}`);
    this.log(
      `  ${
        reproduced !== undefined
          ? text('verify.reproduced', { count: reproduced.checks, snapshot: reproduced.snapshot }, language)
          : text('verify.notReproduced', language)
      }`,
    );
    return result;
  }

  /**
   * A signed dependency register: the signature (checked by the caller), its shape, and with
   * --snapshot that the snapshot is its subject and makes the same register again.
   */
  private verifyRegister(path: string, text_: string, keyId: string, flags: VerifyFlags): VerifyResult {
    const limits = inputLimits(flags['max-input-size']);
    const { register, subject } = readSignedRegister(text_, path);
    const recorded = register.metadata.subject.snapshotSha256;
    if (recorded !== undefined && recorded !== subject.sha256) {
      throw new UserError(
        `${path}: the register records snapshot sha256 ${recorded}, but its signed subject is ${subject.sha256}`,
        ExitCode.BadInput,
      );
    }
    let reproduced: VerifyResult['reproduced'];
    if (flags.snapshot !== undefined) {
      const snapshot = subjectSnapshot(flags.snapshot, subject, limits.snapshot, 'register');
      let facts = loadSovereigntyFacts();
      for (const file of flags.facts ?? []) facts = mergeFacts(facts, readUserFacts(file, limits.document));
      const again = buildRegister(snapshot, facts, {
        subject: register.metadata.subject,
        tool: register.metadata.tool,
        ...(register.cutOff !== undefined ? { without: register.cutOff.without } : {}),
        ...(register.scores !== undefined ? { weights: register.scores.weights.id } : {}),
        ...(register.exit?.target !== undefined
          ? { exitTo: exitTargetFor(register.exit.target.id, "the register's exit target") }
          : {}),
        alternatives: providerAlternatives(facts),
      });
      if (canonicalJson(again) !== canonicalJson(register)) {
        const users = register.metadata.facts.files.filter((f) => !f.startsWith('compliance/'));
        const hint =
          users.length > 0 && (flags.facts ?? []).length === 0
            ? ` (it was made with --facts ${users.join(', ')}: pass them with --facts)`
            : ' (other facts, or another havenkit version)';
        throw new UserError(
          `${path}: the register does not reproduce from ${flags.snapshot}${hint}`,
          ExitCode.BadInput,
        );
      }
      reproduced = { snapshot: flags.snapshot, checks: register.functions.length };
    }
    const result: VerifyResult = {
      kind: 'register',
      report: path,
      keyId,
      subject,
      summary: register.summary.text.en,
      ...(reproduced !== undefined ? { reproduced } : {}),
    };
    if (this.jsonEnabled()) return result;
    const language = (flags.lang as Language | undefined) ?? languageFromEnvironment();
    this.log(text('verify.verified', { report: path }, language));
    this.log(`  ${text('verify.keyId', language)}  ${keyId}`);
    this.log(`  ${text('verify.subject', language)}  ${subject.name} (sha256 ${subject.sha256})`);
    this.log(`  ${register.summary.text[language]}`);
    this.log(
      `  ${
        reproduced !== undefined
          ? text('verify.registerReproduced', { snapshot: reproduced.snapshot }, language)
          : text('verify.notReproduced', language)
      }`,
    );
    return result;
  }
}
