import { readFile } from 'node:fs/promises';
import { BUNDLE_V03_MEDIA_TYPE, bundleToJSON, type Bundle, type SerializedBundle } from '@sigstore/bundle';
import {
  DSSEBundleBuilder,
  FulcioSigner,
  MessageSignatureBundleBuilder,
  RekorWitness,
  TSAWitness,
  type IdentityProvider,
  type Witness,
} from '@sigstore/sign';
import { unsignedIdentityToken, type SigningIdentity } from './identity';
import type { SigstoreServer } from './server';
import type { InTotoStatement } from './statements';

export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

const CLIENT_TIMEOUT_MS = 10_000;

export interface SigningOptions {
  identity: SigningIdentity;
  server: Pick<SigstoreServer, 'fulcioURL' | 'rekorURL' | 'tsaURL'>;
  /** Add an RFC 3161 timestamp from the server's TSA. Default false. */
  tsa?: boolean;
  /** Record the signature in the server's Rekor. Default true; false makes a bundle with no log entry. */
  tlog?: boolean;
}

export interface SignProvenanceOptions extends SigningOptions {
  statement: InTotoStatement;
  /** Rekor entry kind: `dsse` (actions/attest, sigstore-js default) or `intoto` (older npm provenance). */
  rekorEntryType?: 'dsse' | 'intoto';
  /** `0.3` (a single certificate, as actions/attest writes) or `0.2` (an x509CertificateChain). Default `0.3`. */
  bundleVersion?: '0.2' | '0.3';
}

export interface SignBlobOptions extends SigningOptions {
  artifact: Buffer;
  /**
   * sigstore-js writes message-signature bundles as v0.2 (x509CertificateChain). `0.3` repackages the same
   * signature, certificate and log entries with a single certificate, as cosign's new bundle format does.
   * Default `0.2`.
   */
  bundleVersion?: '0.2' | '0.3';
}

/**
 * Signs an in-toto statement as a DSSE envelope through the real `@sigstore/sign` client (Fulcio
 * keyless signer + Rekor, optionally a TSA) talking to the loopback server. Returns the bundle JSON.
 */
export async function signProvenance(options: SignProvenanceOptions): Promise<SerializedBundle> {
  const builder = new DSSEBundleBuilder({
    signer: fulcioSigner(options),
    witnesses: witnesses(options, options.rekorEntryType ?? 'dsse'),
    certificateChain: options.bundleVersion === '0.2',
  });
  const bundle = await builder.create({
    data: Buffer.from(JSON.stringify(options.statement)),
    type: IN_TOTO_PAYLOAD_TYPE,
  });
  return bundleToJSON(bundle);
}

/** Signs a blob (a message-signature bundle over its sha256) through the real `@sigstore/sign` client. */
export async function signBlob(options: SignBlobOptions): Promise<SerializedBundle> {
  const builder = new MessageSignatureBundleBuilder({
    signer: fulcioSigner(options),
    witnesses: witnesses(options, 'dsse'),
  });
  const bundle = await builder.create({ data: options.artifact });
  return bundleToJSON(options.bundleVersion === '0.3' ? withSingleCertificate(bundle) : bundle);
}

/** {@link signBlob} for a file on disk. */
export async function signFile(
  options: Omit<SignBlobOptions, 'artifact'> & { path: string },
): Promise<SerializedBundle> {
  const { path, ...rest } = options;
  return signBlob({ ...rest, artifact: await readFile(path) });
}

function fulcioSigner(options: SigningOptions): FulcioSigner {
  const token = unsignedIdentityToken(options.identity);
  const identityProvider: IdentityProvider = { getToken: () => Promise.resolve(token) };
  return new FulcioSigner({
    identityProvider,
    fulcioBaseURL: options.server.fulcioURL,
    timeout: CLIENT_TIMEOUT_MS,
    retry: false,
  });
}

function witnesses(options: SigningOptions, entryType: 'dsse' | 'intoto'): Witness[] {
  const list: Witness[] = [];
  if (options.tlog ?? true) {
    list.push(
      new RekorWitness({
        rekorBaseURL: options.server.rekorURL,
        entryType,
        timeout: CLIENT_TIMEOUT_MS,
        retry: false,
      }),
    );
  }
  if (options.tsa) {
    list.push(
      new TSAWitness({ tsaBaseURL: options.server.tsaURL, timeout: CLIENT_TIMEOUT_MS, retry: false }),
    );
  }
  return list;
}

function withSingleCertificate(bundle: Bundle): Bundle {
  const key = bundle.verificationMaterial.content;
  if (key.$case !== 'x509CertificateChain') {
    return bundle;
  }
  return {
    ...bundle,
    mediaType: BUNDLE_V03_MEDIA_TYPE,
    verificationMaterial: {
      ...bundle.verificationMaterial,
      content: { $case: 'certificate', certificate: key.x509CertificateChain.certificates[0] },
    },
  };
}
