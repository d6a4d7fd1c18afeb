import { dsse } from '@sigstore/core';
import { toSignedEntity, Verifier, type SignedEntity } from '@sigstore/verify';
import { ReleaseGuardError } from '../errors';
import type { Attestation } from '../attestation/load';
import { verificationPasses } from './dsse-hashedrekord';
import { signedEntity, type StreamedMessage } from './message';
import { verifyWithKey, type VerificationKey } from './public-key';
import { tlogEntryKeys } from './tlog-entry-key';
import type { TrustRoot } from './trust';
import { refuse, verdictOf, type SignatureRequest, type SignatureVerdict } from './verdict';

/** One bundle per envelope signature: an envelope may carry several, and any one by the key suffices. */
function perSignature(attestation: Attestation): Attestation['bundle'][] {
  const bundle = attestation.bundle;
  if (bundle.content.$case !== 'dsseEnvelope' || bundle.content.dsseEnvelope.signatures.length <= 1) {
    return [bundle];
  }
  const envelope = bundle.content.dsseEnvelope;
  return envelope.signatures.map((signature) => ({
    ...bundle,
    content: { $case: 'dsseEnvelope', dsseEnvelope: { ...envelope, signatures: [signature] } },
  }));
}

function keyEntity(
  bundle: Attestation['bundle'],
  key: VerificationKey,
  message: StreamedMessage | undefined,
  where: string,
): SignedEntity {
  if (bundle.content.$case === 'messageSignature') {
    return signedEntity({ where, bundle } as Attestation, message);
  }
  const entity = toSignedEntity(bundle);
  const original = entity.signature;
  const envelope = bundle.content.dsseEnvelope;
  const pae = dsse.preAuthEncoding(envelope.payloadType, envelope.payload);
  const signature = envelope.signatures[0]?.sig ?? Buffer.alloc(0);
  return {
    ...entity,
    signature: {
      signature,
      compareSignature: (other) => original.compareSignature(other),
      compareDigest: (digest) => original.compareDigest(digest),
      // Our own check, so the digest follows the key (SHA-384 for P-384, none for Ed25519).
      verifySignature: () => verifyWithKey(key, pae, signature),
    },
  };
}

/**
 * A signature by `--key`, as `cosign … --key` checks it: the signature with the key, and every log
 * entry verified and bound to this signature and key. With no entry it fails unless `--no-tlog`.
 */
export function verifyKeySignature(
  attestation: Attestation,
  roots: TrustRoot[],
  key: VerificationKey,
  request: SignatureRequest,
): SignatureVerdict {
  const base = { leaf: null, identity: null, key };
  if (key.refusal) return refuse(`--key ${key.file}: ${key.refusal}`, base);
  if (attestation.bundle.content.$case === 'messageSignature' && key.hash === null) {
    throw new ReleaseGuardError(
      'usage_error',
      `${attestation.where} is a message signature and --key is an Ed25519 key: Ed25519 signs the whole ` +
        'file (it cannot be streamed, and Rekor refuses it for files); sign a DSSE envelope or use ECDSA',
    );
  }
  const entries = attestation.bundle.verificationMaterial.tlogEntries;
  if (entries.length === 0 && !request.noTlog) {
    return refuse('no transparency-log entry: pass --no-tlog to accept a key signature without one', base);
  }
  for (const entry of entries) {
    const logged = tlogEntryKeys(entry);
    if (!logged.some((candidate) => candidate.equals(key.key))) {
      return refuse(
        `transparency-log entry ${entry.logIndex} records another key than --key ${key.file}`,
        base,
      );
    }
  }
  const options = { tlogThreshold: request.noTlog ? 0 : 1, ctlogThreshold: 0, timestampThreshold: 0 };
  const flags = entries.length === 0 ? ['no-tlog'] : [];
  let firstError: { root: string; detail: string } | null = null;
  for (const root of roots) {
    const material = { ...root.material, publicKey: () => ({ publicKey: key.key, validFor: () => true }) };
    for (const bundle of perSignature(attestation)) {
      try {
        const verifier = new Verifier(material, options);
        const entity = keyEntity(bundle, key, request.message, attestation.where);
        for (const pass of verificationPasses(entity, bundle)) verifier.verify(pass);
        const proof =
          entries.length === 0
            ? 'no transparency-log entry (--no-tlog): the signing time is not proven'
            : `logged, verified against the ${root.source}`;
        return {
          ok: true,
          detail: `signed by --key ${key.file} (${key.fingerprint}); ${proof}`,
          root: root.source,
          flags,
          ...base,
        };
      } catch (error) {
        const detail = verdictOf(error);
        firstError ??= { root: root.source, detail };
      }
    }
    // Without log entries the root plays no part: one attempt is the whole answer.
    if (entries.length === 0) break;
  }
  return {
    ok: false,
    detail: `${firstError?.detail ?? 'no trusted root'} (--key ${key.file}, ${key.fingerprint})`,
    root: firstError?.root ?? null,
    flags: [],
    ...base,
  };
}
