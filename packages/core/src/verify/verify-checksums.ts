import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fg from 'fast-glob';
import { failed, notEvaluated, passed, type Check } from '../checks/check';
import { decideFailure } from '../checks/precedence';
import { digestFile } from '../digest/digest-file';
import { ReleaseGuardError, type FailureCode } from '../errors';
import { parseChecksums, type ChecksumLine } from '../sign/checksums';
import { isReleaseEvidenceFile } from './signature-files';
import { inputFailureReport, type VerifyReport } from './report';
import { verifyBundleSignature, type VerifySignatureOptions } from './verify-bundle-signature';

export interface VerifyChecksumsOptions extends Omit<VerifySignatureOptions, 'artifacts'> {
  /** The sha256sum file; `bundle` is its signature. */
  checksums: string;
  artifactsDir: string;
  /** An extra file in the directory fails the verification (else it is only reported). */
  strict: boolean;
  /** Stop at the first missing or differing file. */
  failFast: boolean;
  /** Files hashed at once; default the number of cores. */
  concurrency?: number;
}

export interface ChecksumsOutcome {
  file: string;
  listed: number;
  verified: string[];
  missing: string[];
  mismatched: { name: string; expected: string; actual: string }[];
  extra: string[];
  /** Listed but not checked: --fail-fast stopped first, or the signature failed. */
  not_checked: string[];
}

export type ChecksumsReport = VerifyReport & { checksums: ChecksumsOutcome | null };

async function checkFiles(
  lines: ChecksumLine[],
  options: VerifyChecksumsOptions,
  outcome: ChecksumsOutcome,
): Promise<void> {
  let next = 0;
  let stop = false;
  const worker = async (): Promise<void> => {
    while (!stop && next < lines.length) {
      const line = lines[next++];
      try {
        const { sha256 } = await digestFile(path.join(options.artifactsDir, line.name), ['sha256']);
        if (sha256 === line.sha256) outcome.verified.push(line.name);
        else outcome.mismatched.push({ name: line.name, expected: line.sha256, actual: sha256 ?? '' });
      } catch (error) {
        if (!(error instanceof ReleaseGuardError) || error.code !== 'artifact_missing') throw error;
        outcome.missing.push(line.name);
      }
      if (options.failFast && (outcome.missing.length > 0 || outcome.mismatched.length > 0)) stop = true;
    }
  };
  const concurrency = options.concurrency ?? Math.max(1, os.availableParallelism());
  await Promise.all(Array.from({ length: Math.min(concurrency, lines.length) }, worker));
  const done = new Set([...outcome.verified, ...outcome.missing, ...outcome.mismatched.map((m) => m.name)]);
  outcome.not_checked = lines.map((l) => l.name).filter((name) => !done.has(name));
  outcome.verified.sort();
  outcome.missing.sort();
  outcome.mismatched.sort((a, b) => (a.name < b.name ? -1 : 1));
}

function extraFiles(options: VerifyChecksumsOptions, lines: ChecksumLine[]): string[] {
  const listed = new Set(lines.map((l) => l.name));
  const own = new Set([path.resolve(options.checksums), path.resolve(options.bundle)]);
  return fg
    .sync('**/*', { cwd: options.artifactsDir, onlyFiles: true, dot: true, followSymbolicLinks: false })
    .filter((name) => !listed.has(name) && !isReleaseEvidenceFile(name, options.checksums))
    .filter((name) => !own.has(path.resolve(options.artifactsDir, name)))
    .sort();
}

function fileChecks(outcome: ChecksumsOutcome, strict: boolean): Check[] {
  const names = (list: string[]) => list.join(', ');
  const checks: Check[] = [];
  checks.push(
    outcome.mismatched.length > 0
      ? failed(
          'file_digest',
          'digest_mismatch',
          'the digests in the signed checksum file',
          names(outcome.mismatched.map((m) => m.name)),
          `${outcome.mismatched.length} file(s) differ from the signed checksums`,
        )
      : passed(
          'file_digest',
          'digest_mismatch',
          'the digests in the signed checksum file',
          `${outcome.verified.length} of ${outcome.listed}`,
          'every checked file matches its signed digest',
        ),
  );
  checks.push(
    outcome.missing.length > 0
      ? failed(
          'file_present',
          'artifact_missing',
          `${outcome.listed} listed file(s)`,
          names(outcome.missing),
          `${outcome.missing.length} listed file(s) missing`,
        )
      : passed(
          'file_present',
          'artifact_missing',
          `${outcome.listed} listed file(s)`,
          'all present',
          'every checked file is present',
        ),
  );
  if (outcome.not_checked.length > 0) {
    checks.push(
      notEvaluated(
        'file_checked',
        'digest_mismatch',
        `not checked (--fail-fast stopped first): ${names(outcome.not_checked)}`,
      ),
    );
  }
  if (outcome.extra.length > 0 && strict) {
    checks.push(
      failed(
        'extra_files',
        'digest_mismatch',
        'only the listed files (--strict)',
        names(outcome.extra),
        'files in the directory that the signed checksums do not list',
      ),
    );
  } else {
    const detail =
      outcome.extra.length > 0
        ? `not listed (reported; fails with --strict): ${names(outcome.extra)}`
        : 'no file outside the list';
    checks.push(
      passed(
        'extra_files',
        'digest_mismatch',
        'only the listed files',
        outcome.extra.length > 0 ? names(outcome.extra) : 'none',
        detail,
      ),
    );
  }
  return checks;
}

/**
 * `verify-signature --checksums`: the checksum file's signature (identity or key) first, then every
 * file it lists against its digest, streamed, several at a time. The file is read once into memory
 * after its signature check and must have the digest that was verified, so it cannot change between.
 */
export async function verifyChecksums(options: VerifyChecksumsOptions): Promise<ChecksumsReport> {
  if (!fs.statSync(options.artifactsDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new ReleaseGuardError('usage_error', `--artifacts-dir ${options.artifactsDir} is not a directory`);
  }
  const signature = await verifyBundleSignature({ ...options, artifacts: [options.checksums] });
  if (!signature.verified) return { ...signature, checksums: null };
  let lines: ChecksumLine[];
  try {
    const content = fs.readFileSync(options.checksums);
    const digest = crypto.createHash('sha256').update(content).digest('hex');
    if (digest !== signature.artifacts[0]?.sha256) {
      throw new ReleaseGuardError('digest_mismatch', `${options.checksums} changed while it was verified`);
    }
    lines = parseChecksums(content.toString('utf8'), options.checksums);
  } catch (error) {
    if (error instanceof ReleaseGuardError && error.exitCode === 1) {
      return { ...inputFailureReport(error.code as FailureCode, error.message), checksums: null };
    }
    throw error;
  }
  const outcome: ChecksumsOutcome = {
    file: options.checksums,
    listed: lines.length,
    verified: [],
    missing: [],
    mismatched: [],
    extra: [],
    not_checked: [],
  };
  await checkFiles(lines, options, outcome);
  outcome.extra = extraFiles(options, lines);
  const checks = [...signature.checks, ...fileChecks(outcome, options.strict)];
  const failure = decideFailure(checks);
  return { ...signature, verified: failure === null, failure_reason: failure, checks, checksums: outcome };
}
