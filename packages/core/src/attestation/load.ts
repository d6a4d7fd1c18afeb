import fs from 'node:fs';
import { bundleFromJSON, BUNDLE_V03_MEDIA_TYPE, type Bundle } from '@sigstore/bundle';
import { pem } from '@sigstore/core';
import { ReleaseGuardError } from '../errors';
import { MAX_ATTESTATION_BYTES, parseStrictJson } from './strict-json';

/** Caps: more log entries or timestamps than any real signer makes is an attack. */
export const MAX_TLOG_ENTRIES = 32;
export const MAX_TIMESTAMPS = 32;
/** A key-signed envelope may carry several signatures (one per key); more than this is an attack. */
export const MAX_ENVELOPE_SIGNATURES = 32;

export type AttestationFormat = 'bundle' | 'dsse-envelope';

/** One signed attestation read from a provenance file (a file may hold several, one per line). */
export interface Attestation {
  /** `file` or `file#lineN`, for messages. */
  where: string;
  format: AttestationFormat;
  /** The bundle media type, or `dsse-envelope` for a bare envelope. */
  mediaType: string;
  /** A Sigstore bundle; a bare DSSE envelope is wrapped in one with no log entry and no timestamp. */
  bundle: Bundle;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function envelopeToBundle(json: Record<string, unknown>, where: string): Bundle {
  const signatures = json.signatures;
  if (
    typeof json.payloadType !== 'string' ||
    typeof json.payload !== 'string' ||
    !Array.isArray(signatures)
  ) {
    throw new ReleaseGuardError(
      'malformed_provenance',
      `${where}: DSSE envelope needs payloadType, payload and signatures`,
    );
  }
  if (
    signatures.length === 0 ||
    signatures.length > MAX_ENVELOPE_SIGNATURES ||
    !signatures.every((sig) => isRecord(sig) && typeof sig.sig === 'string')
  ) {
    throw new ReleaseGuardError(
      'malformed_provenance',
      `${where}: DSSE envelope must carry 1 to ${MAX_ENVELOPE_SIGNATURES} signatures, each with "sig"`,
    );
  }
  const entries = signatures as Array<Record<string, unknown>>;
  const dsseEnvelope = {
    payloadType: json.payloadType,
    payload: Buffer.from(json.payload, 'base64'),
    signatures: entries.map((signature) => ({
      keyid: typeof signature.keyid === 'string' ? signature.keyid : '',
      sig: Buffer.from(String(signature.sig), 'base64'),
    })),
  };
  const withCertificate = entries.filter((signature) => signature.cert !== undefined);
  if (withCertificate.length === 0) {
    // Signed with a key the verifier must be given (`--key`): the keyid is only a hint.
    return {
      mediaType: BUNDLE_V03_MEDIA_TYPE,
      verificationMaterial: {
        content: { $case: 'publicKey', publicKey: { hint: dsseEnvelope.signatures[0].keyid } },
        tlogEntries: [],
        timestampVerificationData: { rfc3161Timestamps: [] },
      },
      content: { $case: 'dsseEnvelope', dsseEnvelope },
    } as Bundle;
  }
  if (entries.length !== 1) {
    throw new ReleaseGuardError(
      'malformed_provenance',
      `${where}: a keyless DSSE envelope must carry exactly one signature with its certificate`,
    );
  }
  const certPem = typeof entries[0].cert === 'string' ? entries[0].cert : '';
  if (!certPem.includes('BEGIN CERTIFICATE')) {
    throw new ReleaseGuardError('malformed_provenance', `${where}: DSSE signing certificate is not PEM`);
  }
  let der: Buffer;
  try {
    der = pem.toDER(certPem);
  } catch {
    throw new ReleaseGuardError(
      'malformed_provenance',
      `${where}: DSSE signing certificate is not valid PEM`,
    );
  }
  return {
    mediaType: BUNDLE_V03_MEDIA_TYPE,
    verificationMaterial: {
      content: { $case: 'certificate', certificate: { rawBytes: der } },
      tlogEntries: [],
      timestampVerificationData: { rfc3161Timestamps: [] },
    },
    content: { $case: 'dsseEnvelope', dsseEnvelope },
  } as Bundle;
}

function toAttestation(json: unknown, where: string): Attestation {
  if (!isRecord(json)) throw new ReleaseGuardError('malformed_provenance', `${where}: not a JSON object`);
  if (
    typeof json.mediaType === 'string' &&
    json.mediaType.startsWith('application/vnd.dev.sigstore.bundle')
  ) {
    let bundle: Bundle;
    try {
      bundle = bundleFromJSON(json);
    } catch (error) {
      throw new ReleaseGuardError(
        'malformed_provenance',
        `${where}: invalid Sigstore bundle (${(error as Error).message})`,
      );
    }
    const tlogCount = bundle.verificationMaterial.tlogEntries.length;
    const tsCount = bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps.length ?? 0;
    if (tlogCount > MAX_TLOG_ENTRIES || tsCount > MAX_TIMESTAMPS) {
      throw new ReleaseGuardError(
        'malformed_provenance',
        `${where}: ${tlogCount} log entries and ${tsCount} timestamps exceed the limit of ${MAX_TLOG_ENTRIES}`,
      );
    }
    return { where, format: 'bundle', mediaType: json.mediaType, bundle };
  }
  if ('payloadType' in json && 'signatures' in json) {
    return {
      where,
      format: 'dsse-envelope',
      mediaType: 'dsse-envelope',
      bundle: envelopeToBundle(json, where),
    };
  }
  throw new ReleaseGuardError(
    'malformed_provenance',
    `${where}: neither a Sigstore bundle nor a DSSE envelope (no mediaType or payloadType)`,
  );
}

/** Parses the text of a provenance file: one JSON document, or JSON Lines with one per line. */
export function parseAttestations(text: string, name: string): Attestation[] {
  const trimmed = text.trim();
  if (trimmed === '') throw new ReleaseGuardError('malformed_provenance', `${name}: the file is empty`);
  const lines = trimmed.split(/\r?\n/).filter((line) => line.trim() !== '');
  // A pretty-printed single document spans many lines; JSON Lines has one complete document per line.
  const isJsonLines =
    lines.length > 1 && lines.every((line) => line.trim().startsWith('{') && line.trim().endsWith('}'));
  if (!isJsonLines) return [toAttestation(parseStrictJson(trimmed, name), name)];
  return lines.map((line, index) => {
    const where = `${name}#line${index + 1}`;
    return toAttestation(parseStrictJson(line, where), where);
  });
}

/** Reads a provenance file; a missing file is `provenance_missing`. */
export function loadAttestations(file: string): Attestation[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new ReleaseGuardError('provenance_missing', `provenance file not found: ${file}`);
  }
  if (!stat.isFile())
    throw new ReleaseGuardError('provenance_missing', `provenance path is not a file: ${file}`);
  if (stat.size > MAX_ATTESTATION_BYTES) {
    throw new ReleaseGuardError(
      'malformed_provenance',
      `${file}: ${stat.size} bytes is larger than any provenance (limit ${MAX_ATTESTATION_BYTES})`,
    );
  }
  return parseAttestations(fs.readFileSync(file, 'utf8'), file);
}

/** The DSSE envelope's payload and type, or null for a message-signature bundle. */
export function dssePayload(attestation: Attestation): { payloadType: string; payload: Buffer } | null {
  const content = attestation.bundle.content;
  if (content.$case !== 'dsseEnvelope') return null;
  return { payloadType: content.dsseEnvelope.payloadType, payload: content.dsseEnvelope.payload };
}
