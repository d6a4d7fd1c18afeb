import type { FailureCode } from '../errors';
import type { ManifestStore } from '../manifest/store';

export interface KeylessMode {
  kind: 'keyless';
  /** The variable holding the OIDC token; else the GitHub Actions token endpoint. */
  identityTokenEnv?: string;
}

export interface KeyMode {
  kind: 'key';
  file: string;
  /** The variable holding the key's password. */
  passwordEnv?: string;
}

export interface SignOptions {
  /** Files given one by one (named by their base name in the checksum file). */
  artifacts: string[];
  /** Every file under it, named relative to it (signatures, attestations and checksum files left out). */
  artifactsDir?: string;
  mode: KeylessMode | KeyMode;
  fulcioURL?: string;
  rekorURL?: string;
  tsaURL?: string;
  /** false: no transparency-log entry (`--no-tlog`). */
  tlog: boolean;
  /** Also write and sign a sha256sum file at this path. */
  checksums?: string;
  /** Also write `<file>.sig` and, keyless, `<file>.pem`. */
  legacySignatures: boolean;
  outputDir?: string;
  /** The release freeze: its store and the RELEASE_FREEZE variable. */
  freeze: { store: ManifestStore; variable?: string };
  tag?: string;
  env: NodeJS.ProcessEnv;
}

export interface SignedFile {
  path: string;
  sha256: string;
  bundle: string;
  signature: 'keyless' | 'key';
  tlog: boolean;
}

export interface SignReport {
  signed: SignedFile[];
  checksums: string | null;
  failure_reason: FailureCode | null;
  identity: { san: string | null; issuer: string | null } | null;
  /** The key's `sha256:<hex>` fingerprint (key signing). */
  key: string | null;
  /** The public key (SPKI PEM) of key signing, for downloaders to verify with. */
  public_key: string | null;
  /** Log entries made, listed even when the run failed: they are public once made. */
  tlog_entries: { path: string; log_index: string }[];
  /** Legacy `.sig` / `.pem` files written. */
  legacy: string[];
  error: string | null;
  /** What the run proves and does not: `no transparency-log entry`. */
  notes: string[];
}
