import type { Witness } from '@sigstore/sign';
import { ReleaseGuardError } from '../errors';
import { assertNotFrozen } from '../freeze/check';
import { DEFAULT_REKOR_URL, messageSignatureBundle, witnessesFor } from './bundle';
import { renderChecksums } from './checksums';
import { identityTokenSource } from './identity-token';
import { DEFAULT_FULCIO_URL, KeylessCertificates } from './keyless';
import { redactedSigningError } from './library-error';
import type { MaterialSource } from './material';
import { loadSigningKey } from './signing-key';
import { StagedWrites } from './staged-writes';
import { streamSignFile } from './stream-sign';
import { resolveTargets, type SignTarget } from './targets';
import type { SignOptions, SignReport } from './types';

export type { KeyMode, KeylessMode, SignedFile, SignOptions, SignReport } from './types';

interface Run {
  source: MaterialSource;
  witnesses: Witness[];
  kind: 'keyless' | 'key';
  key: string | null;
  publicKey: string | null;
  identity: () => SignReport['identity'];
  /** Lists of secrets to redact; the keyless one grows as tokens are fetched. */
  secrets: string[][];
}

function validate(options: SignOptions): void {
  const keyless = options.mode.kind === 'keyless';
  if (keyless && !options.tlog && options.tsaURL === undefined) {
    throw new ReleaseGuardError(
      'usage_error',
      '--keyless --no-tlog without --tsa-url makes a signature nobody can verify later (nothing proves it was ' +
        'made while the 10-minute certificate was valid): give --tsa-url or drop --no-tlog',
    );
  }
  if (!keyless && options.fulcioURL !== undefined) {
    throw new ReleaseGuardError(
      'usage_error',
      '--fulcio-url is for --keyless; a key signature has no certificate',
    );
  }
  if (!options.tlog && options.rekorURL !== undefined) {
    throw new ReleaseGuardError('usage_error', '--rekor-url and --no-tlog contradict each other: drop one');
  }
}

function passwordOf(options: SignOptions, variable: string | undefined): string | undefined {
  if (variable === undefined) return undefined;
  const value = options.env[variable];
  if (value === undefined) {
    throw new ReleaseGuardError('usage_error', `--key-password-env ${variable}: the variable is not set`);
  }
  return value;
}

function openRun(options: SignOptions, secrets: string[][]): Run {
  const witnesses = witnessesFor({
    rekorURL: options.tlog ? (options.rekorURL ?? DEFAULT_REKOR_URL) : null,
    tsaURL: options.tsaURL,
  });
  const mode = options.mode;
  if (mode.kind === 'key') {
    const password = passwordOf(options, mode.passwordEnv);
    if (password !== undefined) secrets.push([password]);
    const key = loadSigningKey(mode.file, password);
    const material = {
      kind: 'key' as const,
      privateKey: key.privateKey,
      witnessKey: key.publicKeyPem,
      keyHint: key.hint,
    };
    return {
      source: { current: () => Promise.resolve(material) },
      witnesses,
      kind: 'key',
      key: key.fingerprint,
      publicKey: key.publicKeyPem,
      identity: () => null,
      secrets,
    };
  }
  const token = identityTokenSource(options.env, mode.identityTokenEnv);
  secrets.push(token.secrets);
  const certificates = new KeylessCertificates({
    fulcioURL: options.fulcioURL ?? DEFAULT_FULCIO_URL,
    identity: token.provider,
  });
  return {
    source: certificates,
    witnesses,
    kind: 'keyless',
    key: null,
    publicKey: null,
    identity: () => certificates.identity(),
    secrets,
  };
}

async function signTarget(
  target: SignTarget,
  run: Run,
  staged: StagedWrites,
  report: SignReport,
  legacy: boolean,
) {
  const material = await run.source.current();
  const signed = await streamSignFile(target.path, material.privateKey);
  const bundle = await messageSignatureBundle(signed, material, run.witnesses);
  const entries = bundle.verificationMaterial.tlogEntries ?? [];
  for (const entry of entries) report.tlog_entries.push({ path: target.path, log_index: entry.logIndex });
  staged.write(target.bundle, `${JSON.stringify(bundle, null, 2)}\n`);
  if (legacy) {
    staged.write(`${target.stem}.sig`, signed.signature.toString('base64'));
    report.legacy.push(`${target.stem}.sig`);
    if (material.certificatePem !== undefined) {
      staged.write(`${target.stem}.pem`, material.certificatePem);
      report.legacy.push(`${target.stem}.pem`);
    }
  }
  report.signed.push({
    path: target.path,
    sha256: signed.digest.toString('hex'),
    bundle: target.bundle,
    signature: run.kind,
    tlog: entries.length > 0,
  });
}

function emptyReport(): SignReport {
  return {
    signed: [],
    checksums: null,
    failure_reason: null,
    identity: null,
    key: null,
    public_key: null,
    tlog_entries: [],
    legacy: [],
    error: null,
    notes: [],
  };
}

async function signAll(
  options: SignOptions,
  targets: SignTarget[],
  run: Run,
  staged: StagedWrites,
  report: SignReport,
) {
  for (const target of targets) await signTarget(target, run, staged, report, options.legacySignatures);
  if (options.checksums !== undefined) {
    const content = renderChecksums(
      report.signed.map((s, i) => ({ name: targets[i].name, sha256: s.sha256 })),
    );
    const temp = staged.write(options.checksums, content);
    const checksums = {
      path: temp,
      name: '',
      stem: options.checksums,
      bundle: `${options.checksums}.sigstore.json`,
    };
    await signTarget(checksums, run, staged, report, options.legacySignatures);
    const last = report.signed[report.signed.length - 1];
    last.path = options.checksums;
    for (const entry of report.tlog_entries) if (entry.path === temp) entry.path = options.checksums;
    report.checksums = options.checksums;
  }
}

/**
 * `release-guard sign`: one Sigstore bundle v0.3 per file (and for the checksum file), keyless or
 * with a key. All or nothing: every file is staged and renamed only once all are signed. A refusal
 * (frozen, a file unreadable, a service failing) is the report's failure_reason; unusable input throws.
 */
export async function signRelease(options: SignOptions): Promise<SignReport> {
  validate(options);
  const targets = resolveTargets(
    options.artifacts,
    options.artifactsDir,
    options.outputDir,
    options.checksums,
  );
  const report = emptyReport();
  const secrets: string[][] = [];
  const staged = new StagedWrites();
  try {
    await assertNotFrozen({
      store: options.freeze.store,
      variable: options.freeze.variable,
      tag: options.tag,
      action: `signing ${options.tag ?? 'the release assets'}`,
    });
    const run = openRun(options, secrets);
    report.key = run.key;
    report.public_key = run.publicKey;
    await signAll(options, targets, run, staged, report);
    staged.commit();
    report.identity = run.identity();
    if (!options.tlog)
      report.notes.push('no transparency-log entry (--no-tlog): the signing time is not logged');
    return report;
  } catch (error) {
    staged.discard();
    const refusal = redactedSigningError(error, secrets.flat());
    if (refusal.exitCode === 2) throw refusal;
    return {
      ...report,
      signed: [],
      checksums: null,
      legacy: [],
      failure_reason: refusal.code as SignReport['failure_reason'],
      error: refusal.message,
    };
  }
}
