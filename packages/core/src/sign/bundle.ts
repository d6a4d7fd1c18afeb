import { bundleToJSON, toMessageSignatureBundle, type SerializedBundle } from '@sigstore/bundle';
import { RekorWitness, TSAWitness, type Witness } from '@sigstore/sign';
import type { SigningMaterial } from './material';
import type { StreamedSignature } from './stream-sign';

export const DEFAULT_REKOR_URL = 'https://rekor.sigstore.dev';

const CLIENT_TIMEOUT_MS = 30_000;
const RETRY = { retries: 2, factor: 2, minTimeout: 1000, maxTimeout: 5000 };

/** The witnesses of a run: Rekor (hashedrekord) unless `rekorURL` is null, and a TSA when given. */
export function witnessesFor(urls: { rekorURL: string | null; tsaURL?: string }): Witness[] {
  const list: Witness[] = [];
  if (urls.rekorURL !== null) {
    list.push(
      new RekorWitness({
        rekorBaseURL: urls.rekorURL,
        entryType: 'dsse',
        timeout: CLIENT_TIMEOUT_MS,
        retry: RETRY,
      }),
    );
  }
  if (urls.tsaURL !== undefined) {
    list.push(new TSAWitness({ tsaBaseURL: urls.tsaURL, timeout: CLIENT_TIMEOUT_MS, retry: RETRY }));
  }
  return list;
}

/**
 * A Sigstore bundle v0.3 holding a message signature (sha256 `messageDigest`), its certificate or
 * key hint, and what every witness returned. The signature was made by streaming the file.
 */
export async function messageSignatureBundle(
  signed: StreamedSignature,
  material: SigningMaterial,
  witnesses: Witness[],
): Promise<SerializedBundle> {
  const bundle = toMessageSignatureBundle({
    digest: signed.digest,
    signature: signed.signature,
    certificate: material.certificate,
    keyHint: material.keyHint,
    certificateChain: false,
  });
  const results = await Promise.all(witnesses.map((w) => w.testify(bundle.content, material.witnessKey)));
  for (const result of results) {
    bundle.verificationMaterial.tlogEntries.push(...(result.tlogEntries ?? []));
    bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps.push(
      ...(result.rfc3161Timestamps ?? []),
    );
  }
  return bundleToJSON(bundle);
}
