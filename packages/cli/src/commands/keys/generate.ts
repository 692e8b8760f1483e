import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as Flags from '@oclif/core/flags';
import { generateSigningKeys } from '@havenkit/checker';
import { HavenkitCommand } from '../../base-command.js';
import { UserError } from '../../errors.js';
import { ExitCode } from '../../exit-codes.js';
import { outputTarget } from '../../kube/write.js';

/** What `keys generate` returns (and prints with --json). */
export interface KeysGenerateResult {
  readonly privateKey: string;
  readonly publicKey: string;
  readonly keyId: string;
}

/**
 * Writes a file atomically with the given mode: a temporary file in the same directory (created
 * with that mode, so a private key is never readable by others, not even for a moment), then
 * renamed into place (--force) or hard-linked, which fails if the file exists (no clobbering,
 * even when another process creates it meanwhile).
 */
function failure(path: string, err: unknown): UserError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EEXIST') {
    return new UserError(
      `${path} exists; choose another --out or add --force to replace it`,
      ExitCode.BadInput,
    );
  }
  return new UserError(`cannot write ${path} (--out): ${code ?? (err as Error).message}`, ExitCode.BadInput);
}

/**
 * Writes the pair as one: both keys go to temporary files first, then into place — by rename with
 * --force, else by hard link, which refuses an existing file. A failure on the second key undoes
 * the first, and an existing pair is only replaced once both new keys are on disk. With --force,
 * both targets are checked first (outputTarget): a link is written through, a device or FIFO is
 * refused, never replaced.
 */
function writePair(files: readonly { path: string; text: string; mode: number }[], force: boolean): void {
  const targets = files.map((f) => (force ? outputTarget(f.path, '--out') : f.path));
  const temps: string[] = [];
  const placed: string[] = [];
  try {
    for (const [i, f] of files.entries()) {
      // Beside the file it will become: a rename cannot cross file systems.
      const target = targets[i]!;
      const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        writeFileSync(temp, f.text, { encoding: 'utf8', mode: f.mode, flag: 'wx' });
      } catch (err) {
        throw failure(f.path, err);
      }
      temps.push(temp);
    }
    files.forEach((f, i) => {
      try {
        if (force) renameSync(temps[i]!, targets[i]!);
        else linkSync(temps[i]!, f.path);
        placed.push(f.path);
      } catch (err) {
        if (!force) placed.forEach((p) => rmSync(p, { force: true }));
        throw failure(f.path, err);
      }
    });
  } finally {
    temps.forEach((t) => rmSync(t, { force: true }));
  }
}

export default class KeysGenerate extends HavenkitCommand {
  static override summary = 'Generate an ed25519 key pair to sign reports with (`check --sign`).';

  static override description = `Writes PREFIX.key, the private key (PKCS#8 PEM, mode 0600: keep it secret, it signs reports), and PREFIX.pub, the public key (SPKI PEM: give it to whoever verifies the reports with \`havenkit verify --key\`), and prints the key id: the sha256 (hex) of the public key's DER encoding (SPKI), which signed reports name. Existing files are never replaced unless --force is given.

Exit codes:
  0  written
  3  bad input: a missing or bad --out, a file that exists (without --force), a device or FIFO (never replaced, even with --force), a directory that cannot be written`;

  static override examples = [
    {
      description: 'Write havenkit.key and havenkit.pub in the current directory:',
      command: '<%= config.bin %> <%= command.id %> --out havenkit',
    },
    {
      description: 'Then sign a report with the private key, and verify it with the public one:',
      command:
        '<%= config.bin %> check --snapshot cluster.json --sign havenkit.key -o json --out report.json && <%= config.bin %> verify report.json --key havenkit.pub --snapshot cluster.json',
    },
  ];

  static override enableJsonFlag = true;

  static override flags = {
    out: Flags.string({
      summary: 'Path prefix of the key files: writes PREFIX.key (private) and PREFIX.pub (public).',
      helpValue: 'PREFIX',
      required: true,
    }),
    force: Flags.boolean({ summary: 'Replace existing key files.' }),
  };

  async run(): Promise<KeysGenerateResult> {
    const { flags } = await this.parse(KeysGenerate);
    const prefix = flags.out;
    if (prefix === '') {
      throw new UserError('--out PREFIX is required: writes PREFIX.key and PREFIX.pub', ExitCode.BadInput);
    }
    if (/\.(key|pub)$/.test(prefix) || prefix.endsWith('/')) {
      throw new UserError(
        `--out ${prefix} is a prefix, not a file name: --out keys/havenkit writes keys/havenkit.key and keys/havenkit.pub`,
        ExitCode.BadInput,
      );
    }
    const privatePath = `${prefix}.key`;
    const publicPath = `${prefix}.pub`;
    if (!flags.force) {
      // Refuse before writing either file, so a refusal never leaves half a pair.
      for (const path of [privatePath, publicPath]) {
        if (existsSync(path)) {
          throw new UserError(
            `${path} exists; choose another --out or add --force to replace it`,
            ExitCode.BadInput,
          );
        }
      }
    }
    try {
      mkdirSync(dirname(privatePath), { recursive: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new UserError(
        `cannot create ${dirname(privatePath)} (--out): ${code ?? (err as Error).message}`,
        ExitCode.BadInput,
      );
    }
    const keys = generateSigningKeys();
    writePair(
      [
        { path: privatePath, text: keys.privateKeyPem, mode: 0o600 },
        { path: publicPath, text: keys.publicKeyPem, mode: 0o644 },
      ],
      flags.force,
    );
    const result = { privateKey: privatePath, publicKey: publicPath, keyId: keys.keyId };
    if (this.jsonEnabled()) return result;
    this.log(`Wrote ${privatePath} (private key, mode 0600: keep it secret) and ${publicPath} (public key).`);
    this.log(`key id ${keys.keyId}`);
    return result;
  }
}
