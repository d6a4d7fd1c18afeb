import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { bundleFromJSON, type SerializedBundle } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import type { TrustedRootJSON } from '@release-guard/testkit';

export interface SignJson {
  signed: Array<{ path: string; sha256: string; bundle: string; signature: string; tlog: boolean }>;
  checksums: string | null;
  failure_reason: string | null;
  identity: { san: string | null; issuer: string | null } | null;
  tlog_entries: Array<{ path: string; log_index: string }>;
  error: string | null;
}

/** Three release files in a fresh directory. */
export function writeRelease(dir: string): string[] {
  fs.mkdirSync(path.join(dir, 'docs'), { recursive: true });
  const files = {
    'app-1.0.0.tgz': 'app tarball bytes\n',
    'app-1.0.0.zip': 'app zip bytes\n',
    'docs/manual.pdf': 'manual bytes\n',
  };
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return Object.keys(files);
}

/** Every file under `dir` (relative names), to assert what a run left behind. */
export function listFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((name) => fs.statSync(path.join(dir, name)).isFile())
    .sort();
}

/** All text a run produced: its output and every file it wrote (for secret checks). */
export function everythingWritten(dir: string, ...outputs: string[]): string {
  return [...outputs, ...listFiles(dir).map((name) => fs.readFileSync(path.join(dir, name), 'latin1'))].join(
    '\n',
  );
}

/** `@sigstore/verify` on its own (no release-guard code): keyless against the root, or with a key. */
export function sigstoreJsVerify(
  bundleFile: string,
  data: Buffer,
  root: TrustedRootJSON,
  publicKeyPem?: string,
): void {
  const bundle = bundleFromJSON(JSON.parse(fs.readFileSync(bundleFile, 'utf8')) as SerializedBundle);
  const material = toTrustMaterial(
    TrustedRoot.fromJSON(root),
    publicKeyPem
      ? () => ({ publicKey: crypto.createPublicKey(publicKeyPem), validFor: () => true })
      : undefined,
  );
  const options = publicKeyPem
    ? { tlogThreshold: 1, ctlogThreshold: 0, timestampThreshold: 0 }
    : { tlogThreshold: 1, ctlogThreshold: 1, timestampThreshold: 1 };
  new Verifier(material, options).verify(toSignedEntity(bundle, data));
}
