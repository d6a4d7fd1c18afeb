import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  githubActionsIdentity,
  signProvenance,
  slsaV1Statement,
  startSigstoreServer,
  subjectFor,
  type SigstoreServer,
} from '@release-guard/testkit';

/** The release the CLI tests verify: acme/app v1.2.3, built by its release workflow. */
export const RUN = {
  repository: 'acme/app',
  ref: 'refs/tags/v1.2.3',
  commit: '8f70009fde0c94ade6ce2a054b94718c819126ec',
};
export const BUILDER = 'https://github.com/acme/app/.github/workflows/release.yml';

export interface SignedRelease {
  server: SigstoreServer;
  /** A temp folder holding the files below; removed by close(). */
  work: string;
  /** `app.tgz`, holding `release bytes`. */
  artifact: string;
  /** Its provenance, signed by the loopback Sigstore (`app.intoto.jsonl`). */
  provenance: string;
  /** That Sigstore's trusted root (`root.json`). */
  root: string;
  close(): Promise<void>;
}

/** Starts the loopback Sigstore and writes a one-artifact release signed by it, in a temp folder. */
export async function signedRelease(prefix: string): Promise<SignedRelease> {
  const server = await startSigstoreServer();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const artifact = path.join(work, 'app.tgz');
  fs.writeFileSync(artifact, 'release bytes');
  const root = path.join(work, 'root.json');
  fs.writeFileSync(root, JSON.stringify(server.trustedRoot));
  const statement = slsaV1Statement({ ...RUN, subjects: [subjectFor('app.tgz', 'release bytes')] });
  const provenance = path.join(work, 'app.intoto.jsonl');
  const bundle = await signProvenance({ statement, identity: githubActionsIdentity(RUN), server });
  fs.writeFileSync(provenance, `${JSON.stringify(bundle)}\n`);
  return {
    server,
    work,
    artifact,
    provenance,
    root,
    close: async () => {
      await server.close();
      fs.rmSync(work, { recursive: true, force: true });
    },
  };
}
