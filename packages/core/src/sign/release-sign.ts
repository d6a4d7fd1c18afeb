import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { InputError, isFailureCode, type ReleaseGuardError } from '../errors';
import { openActionFreezeStore } from '../freeze/store';
import { createGitHubClient, type GitHubClient } from '../github/client';
import { attachReleaseAssets, type AssetFile } from '../github/release-assets';
import { recordActionControl } from '../manifest/action-control';
import { markdownCell } from '../text/markdown';
import { isReleaseEvidenceFile } from '../verify/signature-files';
import { checkReleaseSignInputs, type ReleaseSignInputs } from './inputs';
import { signRelease } from './sign-release';
import { renderSignSummary } from './summary';
import type { SignReport } from './types';

export interface ReleaseSignDeps {
  client?: GitHubClient;
  /** Where the OIDC token comes from (the runner's ACTIONS_ID_TOKEN_REQUEST_* variables). */
  env?: NodeJS.ProcessEnv;
}

export interface ReleaseSignResult {
  report: SignReport;
  /** Workspace-relative paths for the outputs. */
  bundles: { path: string; sha256: string; bundle: string }[];
  checksumsPath: string | null;
  attached: string[] | null;
  summary: string;
  failure: ReleaseGuardError | null;
  /** What was recorded in the manifest as controls.signature, or why not. */
  manifestNote?: string;
}

const PASSWORD_VARIABLE = 'RELEASE_SIGN_KEY_PASSWORD';

/** The files the globs match inside the workspace; a glob that leaves it, or matches nothing, is refused. */
export function resolveFiles(workspace: string, patterns: readonly string[], checksums: string): string[] {
  const files = new Set<string>();
  for (const pattern of patterns) {
    if (path.isAbsolute(pattern) || pattern.split(/[\\/]/).includes('..')) {
      throw new InputError(
        'files',
        `globs are resolved inside the workspace: ${JSON.stringify(pattern)} leaves it`,
      );
    }
    const matched = fg
      .sync(pattern, { cwd: workspace, onlyFiles: true, followSymbolicLinks: false, dot: false })
      .filter((name) => !isReleaseEvidenceFile(name, checksums));
    if (matched.length === 0)
      throw new InputError('files', `${JSON.stringify(pattern)} matches no file in the workspace`);
    for (const name of matched) files.add(path.join(workspace, name));
  }
  return [...files].sort();
}

/** The key input as a file only this user can read, under RUNNER_TEMP; removed by the caller. */
function writeKeyFile(tempDir: string, key: string): string {
  const dir = fs.mkdtempSync(path.join(tempDir, 'release-sign-'));
  const file = path.join(dir, 'signing.key');
  fs.writeFileSync(file, key.endsWith('\n') ? key : `${key}\n`, { mode: 0o600 });
  return file;
}

function assetsOf(report: SignReport, publicKeyFile: string | null): AssetFile[] {
  const files: AssetFile[] = [];
  for (const signed of report.signed) {
    files.push({ path: signed.bundle, contentType: 'application/json' });
    if (signed.path === report.checksums)
      files.push({ path: signed.path, sha256: signed.sha256, contentType: 'text/plain' });
  }
  if (publicKeyFile !== null) files.push({ path: publicKeyFile, contentType: 'application/x-pem-file' });
  for (const legacy of report.legacy) files.push({ path: legacy, contentType: 'text/plain' });
  return files;
}

function writePublicKey(
  report: SignReport,
  checksums: string | null,
  workspace: string,
  name: string,
): string | null {
  if (report.public_key === null || report.failure_reason !== null) return null;
  const file = `${checksums ?? path.join(workspace, name)}.pub`;
  const temp = `${file}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(temp, report.public_key);
  fs.renameSync(temp, file);
  return file;
}

/**
 * release-sign: the freeze first, then every matched file signed (keyless with the job's OIDC token,
 * or with the `key` input written 0600 under RUNNER_TEMP and removed at the end), the bundles and
 * the signed checksum file (and in key mode its `.pub`) written in the workspace, then attached to
 * the release of `tag` unless `upload` is false.
 */
export async function releaseSign(
  inputs: ReleaseSignInputs,
  deps: ReleaseSignDeps = {},
): Promise<ReleaseSignResult> {
  checkReleaseSignInputs(inputs);
  const files = resolveFiles(inputs.workspace, inputs.files, inputs.checksums);
  const client = deps.client ?? createGitHubClient({ token: inputs.githubToken, retries: 2 });
  const keyFile = inputs.mode === 'key' ? writeKeyFile(inputs.tempDir, inputs.key ?? '') : null;
  const checksums = path.join(inputs.workspace, inputs.checksums);
  let report: SignReport;
  try {
    report = await signRelease({
      artifacts: files,
      mode:
        keyFile === null
          ? { kind: 'keyless' }
          : {
              kind: 'key',
              file: keyFile,
              passwordEnv: inputs.keyPassword === undefined ? undefined : PASSWORD_VARIABLE,
            },
      fulcioURL: inputs.fulcioUrl,
      rekorURL: inputs.rekorUrl,
      tsaURL: inputs.tsaUrl,
      tlog: inputs.tlog,
      checksums,
      legacySignatures: inputs.legacySignatures,
      freeze: { store: openActionFreezeStore(inputs, client), variable: inputs.freeze },
      tag: inputs.tag,
      env: { ...(deps.env ?? process.env), [PASSWORD_VARIABLE]: inputs.keyPassword },
    });
  } finally {
    if (keyFile !== null) fs.rmSync(path.dirname(keyFile), { recursive: true, force: true });
  }
  const result = await finish(inputs, client, report);
  const failed = report.failure_reason !== null || result.failure !== null;
  const attachCode = result.failure?.code;
  const recorded = await recordActionControl(inputs, () => client, 'signature', {
    status: failed ? 'fail' : 'pass',
    failureReason: report.failure_reason ?? (isFailureCode(attachCode) ? attachCode : null),
    detail: failed
      ? (report.error ?? result.failure?.message ?? 'signing failed')
      : `${report.signed.length} file(s) signed${result.attached === null ? '' : ', attached to the release'}`,
  });
  return {
    ...result,
    manifestNote: recorded.note,
    summary: `${result.summary.trimEnd()}\n\n${markdownCell(recorded.note)}\n`,
  };
}

async function finish(
  inputs: ReleaseSignInputs,
  client: GitHubClient,
  report: SignReport,
): Promise<ReleaseSignResult> {
  const publicKeyFile = writePublicKey(report, report.checksums, inputs.workspace, inputs.checksums);
  let attached: string[] | null = null;
  let failure: ReleaseGuardError | null = null;
  if (report.failure_reason === null && inputs.upload) {
    const [owner, repo] = inputs.repository.split('/');
    try {
      const result = await attachReleaseAssets(
        client,
        { owner, repo, tag: inputs.tag ?? '' },
        assetsOf(report, publicKeyFile),
      );
      attached = result.assets.map((asset) => asset.name);
    } catch (error) {
      failure = error as ReleaseGuardError;
    }
  }
  const relative = (p: string) => path.relative(inputs.workspace, p);
  const summary = renderSignSummary(
    report,
    {
      workspace: inputs.workspace,
      repository: inputs.repository,
      tag: inputs.tag,
      publicKeyFile: publicKeyFile && relative(publicKeyFile),
      tlog: inputs.tlog,
    },
    attached,
  );
  return {
    report,
    bundles: report.signed.map((s) => ({
      path: relative(s.path),
      sha256: s.sha256,
      bundle: relative(s.bundle),
    })),
    checksumsPath: report.checksums && relative(report.checksums),
    attached,
    summary,
    failure,
  };
}
