import { createHash } from 'node:crypto';

interface ProposedDSSEEntry {
  apiVersion: string;
  kind: 'dsse';
  spec: { proposedContent: { envelope: string; verifiers: string[] } };
}

interface DSSEEnvelopeJSON {
  payload: string;
  payloadType: string;
  signatures: { sig: string; keyid?: string }[];
}

/**
 * The entry body Rekor stores for a proposed entry. `@sigstore/mock` logs the proposed entry as it is,
 * which matches real Rekor for `hashedrekord` and `intoto`; a `dsse` proposal (envelope + verifiers) is
 * stored by Rekor as envelope hash, payload hash and signature/verifier pairs, and that stored form is
 * what `@sigstore/verify` binds the bundle to. Throws on a malformed `dsse` proposal (Rekor answers 400).
 */
export function toRekorEntryBody(proposedEntry: string): string {
  const entry = JSON.parse(proposedEntry) as { kind?: string };
  if (entry.kind !== 'dsse') {
    return proposedEntry;
  }
  const { apiVersion, spec } = entry as ProposedDSSEEntry;
  const content = spec?.proposedContent;
  if (apiVersion !== '0.0.1' || typeof content?.envelope !== 'string' || !Array.isArray(content.verifiers)) {
    throw new Error('dsse entry needs apiVersion 0.0.1 and spec.proposedContent {envelope, verifiers}');
  }
  const envelope = JSON.parse(content.envelope) as DSSEEnvelopeJSON;
  if (envelope.signatures.length !== content.verifiers.length) {
    throw new Error('dsse entry needs one verifier per envelope signature');
  }
  return JSON.stringify({
    apiVersion,
    kind: 'dsse',
    spec: {
      envelopeHash: { algorithm: 'sha256', value: sha256Hex(Buffer.from(content.envelope)) },
      payloadHash: { algorithm: 'sha256', value: sha256Hex(Buffer.from(envelope.payload, 'base64')) },
      signatures: envelope.signatures.map((signature, i) => ({
        signature: signature.sig,
        verifier: content.verifiers[i],
      })),
    },
  });
}

function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
