import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { RequestError } from '@octokit/request-error';
import { ReleaseGuardError } from '../errors';
import type { GitHubClient } from '../github/client';
import { GitHubPermissionError } from '../github/request-errors';
import { extractZip } from '../archive/extract-zip';

export interface DownloadRunArtifactOptions {
  owner: string;
  repo: string;
  runId: number;
  /** Artifact name as uploaded by actions/upload-artifact. */
  name: string;
  /** New, empty folder the artifact is extracted into. */
  destination: string;
  /** Tries for 5xx, timeouts, 404 and 403 (default 3); 410 and expired artifacts fail at once. */
  tries?: number;
  /** Backoff unit: try n waits n × this (default 2 s). */
  backoffMs?: number;
  /** Time limit for the blob download (default 10 min). */
  downloadTimeoutMs?: number;
}

export interface DownloadedArtifact {
  id: number;
  name: string;
  /** sha256 of the zip as downloaded; checked against the API's digest when GitHub recorded one. */
  zipSha256: string;
  files: string[];
  tries: number;
}

/** A failure worth another try: the artifact may not be listed yet, or GitHub had a bad moment. */
class Transient extends Error {}

function missing(options: DownloadRunArtifactOptions, reason: string): ReleaseGuardError {
  return new ReleaseGuardError(
    'artifact_missing',
    `artifact ${JSON.stringify(options.name)} of run ${options.runId}: ${reason}`,
    { artifact: options.name, run_id: options.runId, reason },
  );
}

function classify(error: unknown, options: DownloadRunArtifactOptions): Error {
  if (error instanceof ReleaseGuardError || error instanceof Transient) return error;
  if (error instanceof GitHubPermissionError) return missing(options, error.message);
  if (error instanceof RequestError) {
    if (error.status === 410)
      return missing(options, 'retention expired (HTTP 410): rebuild the release to get a new artifact');
    if (error.status === 404 || error.status === 403 || error.status >= 500) {
      return new Transient(`HTTP ${error.status}${error.status === 404 ? ' (not found)' : ''}`);
    }
    return missing(options, `GitHub answered HTTP ${error.status}`);
  }
  return new Transient((error as Error).message ?? String(error));
}

async function attempt(client: GitHubClient, options: DownloadRunArtifactOptions, zipFile: string) {
  const { data } = await client.rest.actions.listWorkflowRunArtifacts({
    owner: options.owner,
    repo: options.repo,
    run_id: options.runId,
    name: options.name,
    per_page: 100,
    request: { retries: 0 },
  });
  const artifact = data.artifacts.find((candidate) => candidate.name === options.name);
  if (!artifact) throw new Transient('not listed for this run (404)');
  if (artifact.expired)
    throw missing(
      options,
      `retention expired on ${artifact.expires_at ?? 'an earlier date'}: rebuild the release`,
    );
  // Ask for the redirect instead of following it: the blob host must never see our token.
  const response = await client.rest.actions.downloadArtifact({
    owner: options.owner,
    repo: options.repo,
    artifact_id: artifact.id,
    archive_format: 'zip',
    request: { retries: 0, redirect: 'manual' },
  });
  const location = (response.headers as Record<string, string | undefined>).location ?? response.url;
  if (!location) throw new Transient('GitHub gave no download location');
  const blob = await fetch(location, { signal: AbortSignal.timeout(options.downloadTimeoutMs ?? 600_000) });
  if (blob.status === 410) throw missing(options, 'retention expired (HTTP 410 from the blob store)');
  if (!blob.ok || !blob.body) throw new Transient(`blob download answered HTTP ${blob.status}`);
  const hash = crypto.createHash('sha256');
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(Readable.fromWeb(blob.body as WebReadableStream), hashing, fs.createWriteStream(zipFile));
  const zipSha256 = hash.digest('hex');
  const recorded = (artifact as { digest?: string | null }).digest;
  if (recorded && recorded !== `sha256:${zipSha256}`) {
    throw new ReleaseGuardError(
      'digest_mismatch',
      `artifact ${JSON.stringify(options.name)}: the downloaded zip (sha256:${zipSha256}) differs from the digest GitHub recorded (${recorded})`,
      { expected: recorded, actual: `sha256:${zipSha256}` },
    );
  }
  return { id: artifact.id, zipSha256 };
}

/**
 * Downloads a workflow run's artifact through the REST API and extracts it safely. 5xx, timeouts, 404
 * and 403 are tried `tries` times with backoff, then `artifact_missing` with the last reason; 410 and
 * expired artifacts are `artifact_missing` ("retention expired") at once.
 */
export async function downloadRunArtifact(
  client: GitHubClient,
  options: DownloadRunArtifactOptions,
): Promise<DownloadedArtifact> {
  const tries = options.tries ?? 3;
  fs.mkdirSync(options.destination, { recursive: true });
  const zipFile = path.join(path.dirname(options.destination), `${path.basename(options.destination)}.zip`);
  let last = '';
  for (let tryNumber = 1; tryNumber <= tries; tryNumber++) {
    try {
      const { id, zipSha256 } = await attempt(client, options, zipFile);
      const files = await extractZip(zipFile, options.destination);
      return { id, name: options.name, zipSha256, files, tries: tryNumber };
    } catch (error) {
      const classified = classify(error, options);
      if (!(classified instanceof Transient)) throw classified;
      last = classified.message;
      if (tryNumber < tries) await sleep(tryNumber * (options.backoffMs ?? 2000));
    } finally {
      fs.rmSync(zipFile, { force: true });
    }
  }
  throw missing(options, `not downloaded after ${tries} tries (last: ${last})`);
}
