import fs from 'node:fs';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toTrustMaterial, type TrustMaterial } from '@sigstore/verify';
import type { X509Certificate } from '@sigstore/core';
import { X509Certificate as X509 } from '@sigstore/core';
import { ReleaseGuardError } from '../errors';
import publicGoodRoot from './trusted_root.json';

export interface TrustRoot {
  /** Where it came from: `embedded public-good root` or the file (and line). */
  source: string;
  material: TrustMaterial;
  /** DER subjects of every CA certificate, to pick the root that issued a leaf. */
  caSubjects: Buffer[];
}

/**
 * Every log, CA and TSA must say since when it is trusted. `@sigstore/verify` reads a missing
 * `validFor.start` as the beginning of time, which would accept material from before that authority
 * existed; such a root is unusable trust material (exit 2), not a permissive one.
 */
function requireValidityStarts(root: TrustedRoot, source: string): void {
  const authorities: Array<[string, { start?: Date } | undefined]> = [
    ...root.tlogs.map((log, i): [string, { start?: Date } | undefined] => [
      `transparency log #${i + 1} (${log.baseUrl || 'no URL'})`,
      log.publicKey?.validFor,
    ]),
    ...root.ctlogs.map((log, i): [string, { start?: Date } | undefined] => [
      `CT log #${i + 1} (${log.baseUrl || 'no URL'})`,
      log.publicKey?.validFor,
    ]),
    ...root.certificateAuthorities.map((ca, i): [string, { start?: Date } | undefined] => [
      `certificate authority #${i + 1} (${ca.uri || 'no URI'})`,
      ca.validFor,
    ]),
    ...root.timestampAuthorities.map((tsa, i): [string, { start?: Date } | undefined] => [
      `timestamp authority #${i + 1} (${tsa.uri || 'no URI'})`,
      tsa.validFor,
    ]),
  ];
  for (const [what, validFor] of authorities) {
    if (!validFor?.start) {
      throw new ReleaseGuardError(
        'usage_error',
        `${source}: ${what} has no validFor.start: unusable trust material (a root must say since when each authority is trusted)`,
      );
    }
  }
}

function toTrustRoot(json: unknown, source: string): TrustRoot {
  let root: TrustedRoot;
  try {
    root = TrustedRoot.fromJSON(json);
  } catch (error) {
    throw new ReleaseGuardError(
      'usage_error',
      `${source}: not a Sigstore trusted_root.json (${(error as Error).message})`,
    );
  }
  if (root.certificateAuthorities.length === 0 && root.tlogs.length === 0) {
    throw new ReleaseGuardError(
      'usage_error',
      `${source}: trusted root holds no certificate authority and no log`,
    );
  }
  requireValidityStarts(root, source);
  const caSubjects = root.certificateAuthorities.flatMap((ca) =>
    (ca.certChain?.certificates ?? []).map(
      (cert) => X509.parse(cert.rawBytes as Buffer<ArrayBuffer>).subject,
    ),
  );
  return { source, material: toTrustMaterial(root), caSubjects };
}

/** The Sigstore public-good trusted root shipped with core (2026-05-26), used when none is given. */
export function embeddedTrustRoots(): TrustRoot[] {
  return [toTrustRoot(publicGoodRoot, 'embedded public-good trusted root')];
}

/** Reads `--trusted-root`: a trusted_root.json, or JSON Lines of several (the format of `gh`). */
export function loadTrustRoots(file: string): TrustRoot[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new ReleaseGuardError('usage_error', `trusted root file not readable: ${file}`);
  }
  const parse = (chunk: string, source: string) => {
    try {
      return toTrustRoot(JSON.parse(chunk), source);
    } catch (error) {
      if (error instanceof ReleaseGuardError) throw error;
      throw new ReleaseGuardError('usage_error', `${source}: not valid JSON`);
    }
  };
  const lines = text
    .trim()
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  if (lines.length > 1 && lines.every((line) => line.trim().startsWith('{') && line.trim().endsWith('}'))) {
    return lines.map((line, index) => parse(line, `${file}#line${index + 1}`));
  }
  return [parse(text, file)];
}

/** Roots whose CAs issued this leaf first (gh picks by the leaf's issuer), then the rest. */
export function rootsFor(leaf: X509Certificate | null, roots: TrustRoot[]): TrustRoot[] {
  if (!leaf) return roots;
  const matches = roots.filter((root) => root.caSubjects.some((subject) => subject.equals(leaf.issuer)));
  return [...matches, ...roots.filter((root) => !matches.includes(root))];
}
