import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  githubActionsIdentity,
  signProvenance,
  slsaV1Statement,
  type GitHubWorkflowRun,
  type startSigstoreServer,
} from '@release-guard/testkit';

export const RUN: GitHubWorkflowRun = {
  repository: 'acme/app',
  ref: 'refs/tags/v1.0.0',
  commit: 'a'.repeat(40),
};
export const BUILDER = 'https://github.com/acme/app/.github/workflows/release.yml';

export interface Subject {
  name: string;
  digest: { sha256: string };
}

/**
 * Writes `mib` MiB of random-looking bytes (one random MiB, its first byte the block's index) and
 * returns its subject; the digest is computed while writing, so the file is never read back.
 */
export async function writeArtifact(file: string, mib: number, block: Buffer): Promise<Subject> {
  const hash = crypto.createHash('sha256');
  const out = fs.createWriteStream(file);
  for (let i = 0; i < mib; i++) {
    block[0] = i & 0xff;
    const chunk = Buffer.from(block);
    hash.update(chunk);
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return { name: path.basename(file), digest: { sha256: hash.digest('hex') } };
}

/** Small files of 4 KiB each under `dir`, and their subjects. */
export function writeSmallArtifacts(dir: string, count: number): Subject[] {
  fs.mkdirSync(dir, { recursive: true });
  return Array.from({ length: count }, (_, i) => {
    const data = crypto.randomBytes(4096);
    fs.writeFileSync(path.join(dir, `asset-${i}.bin`), data);
    return {
      name: `asset-${i}.bin`,
      digest: { sha256: crypto.createHash('sha256').update(data).digest('hex') },
    };
  });
}

/** A provenance for `subjects`, signed by the loopback Sigstore. */
export async function writeSignedProvenance(
  server: Awaited<ReturnType<typeof startSigstoreServer>>,
  subjects: Subject[],
  file: string,
): Promise<void> {
  const bundle = await signProvenance({
    statement: slsaV1Statement({ ...RUN, subjects }),
    identity: githubActionsIdentity(RUN),
    server,
  });
  fs.writeFileSync(file, JSON.stringify(bundle));
}
