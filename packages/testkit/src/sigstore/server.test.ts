import fs from 'node:fs';
import { bundleFromJSON, type SerializedBundle } from '@sigstore/bundle';
import { RFC3161Timestamp, X509Certificate } from '@sigstore/core';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier, type VerifierOptions } from '@sigstore/verify';
import {
  GITHUB_ACTIONS_ISSUER,
  githubActionsIdentity,
  IN_TOTO_PAYLOAD_TYPE,
  signBlob,
  signProvenance,
  slsaV1Statement,
  startSigstoreServer,
  subjectFor,
  TRUSTED_ROOT_MEDIA_TYPE,
  type SigstoreServer,
  type TrustedRootJSON,
} from './index';
import { vectorPath, withVectors } from '../optional-suite';

const vectors = withVectors();

const run = {
  repository: 'octo-org/widget',
  ref: 'refs/tags/v1.2.3',
  commit: '8f70009fde0c94ade6ce2a054b94718c819126ec',
  runId: '14095611671',
};
const artifact = Buffer.from('widget 1.2.3 release tarball\n');
const statement = slsaV1Statement({ ...run, subjects: [subjectFor('widget-1.2.3.tgz', artifact)] });
const identity = githubActionsIdentity(run);

// The loopback CA embeds an SCT from its CT log, so the sigstore-js defaults hold in full.
const STRICT: VerifierOptions = { tlogThreshold: 1, ctlogThreshold: 1, timestampThreshold: 1 };

function verify(bundle: SerializedBundle, root: TrustedRootJSON, options = STRICT, data?: Buffer) {
  const verifier = new Verifier(toTrustMaterial(TrustedRoot.fromJSON(root)), options);
  return verifier.verify(toSignedEntity(bundleFromJSON(bundle), data));
}

/** The `@sigstore/verify` error code verification fails with, or `verified`. */
function outcome(...args: Parameters<typeof verify>): string {
  try {
    verify(...args);
    return 'verified';
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
}

function leafCertificate(bundle: SerializedBundle): X509Certificate {
  const material = bundle.verificationMaterial;
  const der = material.certificate?.rawBytes ?? material.x509CertificateChain?.certificates[0].rawBytes;
  return X509Certificate.parse(Buffer.from(der ?? '', 'base64'));
}

function extension(cert: X509Certificate, oid: string): string | undefined {
  const ext = cert.extension(oid);
  // Fulcio's v2 extensions are DER UTF8String: tag, length, value.
  return ext ? ext.value.subarray(2).toString('utf8') : undefined;
}

function flipPayloadByte(bundle: SerializedBundle, index: number): SerializedBundle {
  const copy = structuredClone(bundle);
  const envelope = copy.dsseEnvelope;
  if (!envelope) throw new Error('not a DSSE bundle');
  const payload = Buffer.from(envelope.payload, 'base64');
  payload[index] ^= 0x01;
  envelope.payload = payload.toString('base64');
  return copy;
}

describe('loopback Sigstore', () => {
  let server: SigstoreServer;
  let provenance: SerializedBundle;

  beforeAll(async () => {
    server = await startSigstoreServer();
    provenance = await signProvenance({ statement, identity, server });
  });
  afterAll(() => server.close());

  it('listens on 127.0.0.1 and publishes a trusted root in the protobuf-specs JSON shape', () => {
    for (const url of [server.fulcioURL, server.rekorURL, server.tsaURL]) {
      expect(new URL(url).hostname).toBe('127.0.0.1');
    }
    const root = server.trustedRoot;
    expect(root.mediaType).toBe(TRUSTED_ROOT_MEDIA_TYPE);
    expect(root.tlogs).toHaveLength(1);
    expect(root.certificateAuthorities).toHaveLength(1);
    expect(root.ctlogs).toHaveLength(1);
    expect(root.timestampAuthorities).toHaveLength(1);
    // A JSON round trip through the protobuf type loses nothing.
    expect(TrustedRoot.toJSON(TrustedRoot.fromJSON(root))).toEqual(root);
  });

  it('issues a DSSE bundle v0.3 with a Rekor entry through the real sign client', () => {
    expect(provenance.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    expect(provenance.dsseEnvelope?.payloadType).toBe(IN_TOTO_PAYLOAD_TYPE);
    expect(JSON.parse(Buffer.from(provenance.dsseEnvelope?.payload ?? '', 'base64').toString())).toEqual(
      statement,
    );
    const entries = provenance.verificationMaterial.tlogEntries;
    expect(entries).toHaveLength(1);
    expect(entries[0].kindVersion).toEqual({ kind: 'dsse', version: '0.0.1' });
    expect(entries[0].logId.keyId).toBe(server.trustedRoot.tlogs[0].logId.keyId);
    expect(entries[0].inclusionProof).toBeDefined();
    expect(server.requests.map((r) => `${r.service} ${r.status}`)).toEqual(
      expect.arrayContaining(['fulcio 201', 'rekor 201']),
    );
  });

  it('verifies with @sigstore/verify against the server trusted root, tlog and CT log thresholds 1', () => {
    const signer = verify(provenance, server.trustedRoot);
    expect(signer.identity?.subjectAlternativeName).toBe(identity.san);
  });

  it('gives the certificate the Fulcio extensions of a GitHub workflow', () => {
    const cert = leafCertificate(provenance);
    expect(cert.subjectAltName).toBe(
      'https://github.com/octo-org/widget/.github/workflows/release.yml@refs/tags/v1.2.3',
    );
    expect(cert.extSCT?.signedCertificateTimestamps).toHaveLength(1);
    expect(extension(cert, '1.3.6.1.4.1.57264.1.8')).toBe(GITHUB_ACTIONS_ISSUER);
    expect(extension(cert, '1.3.6.1.4.1.57264.1.9')).toBe(cert.subjectAltName);
    expect(extension(cert, '1.3.6.1.4.1.57264.1.11')).toBe('github-hosted');
    expect(extension(cert, '1.3.6.1.4.1.57264.1.12')).toBe('https://github.com/octo-org/widget');
    expect(extension(cert, '1.3.6.1.4.1.57264.1.13')).toBe(run.commit);
    expect(extension(cert, '1.3.6.1.4.1.57264.1.14')).toBe('refs/tags/v1.2.3');
    expect(extension(cert, '1.3.6.1.4.1.57264.1.18')).toBe(
      'https://github.com/octo-org/widget/.github/workflows/release.yml@refs/tags/v1.2.3',
    );
    expect(extension(cert, '1.3.6.1.4.1.57264.1.20')).toBe('push');
    expect(extension(cert, '1.3.6.1.4.1.57264.1.21')).toBe(
      'https://github.com/octo-org/widget/actions/runs/14095611671/attempts/1',
    );
  });

  vectors.it(
    'gives the certificate the same Fulcio extensions as a real GitHub Actions certificate (bcr vector)',
    () => {
      const real = JSON.parse(
        fs.readFileSync(vectorPath('slsa-verifier/bcr/MODULE.bazel.intoto.jsonl'), 'utf8'),
      );
      const fulcioOIDs = (bundle: SerializedBundle) =>
        leafCertificate(bundle)
          .extensions.map((ext) => ext.subs[0].toOID())
          .filter((oid) => oid.startsWith('1.3.6.1.4.1.57264.1.'))
          .sort();
      expect(fulcioOIDs(provenance)).toEqual(fulcioOIDs(real));
      expect(fulcioOIDs(provenance)).toHaveLength(21);
    },
  );

  it('fails verification when one payload byte is flipped: the log entry no longer matches', () => {
    for (const index of [0, 40, 200]) {
      expect(outcome(flipPayloadByte(provenance, index), server.trustedRoot)).toBe('TLOG_BODY_ERROR');
    }
  });

  it('fails the DSSE signature (over the PAE) when one payload byte is flipped and no log entry is consulted', async () => {
    const bundle = await signProvenance({ statement, identity, server, tlog: false, tsa: true });
    const noLog = { ...STRICT, tlogThreshold: 0 };
    expect(outcome(bundle, server.trustedRoot, noLog)).toBe('verified');
    for (const index of [0, 40, 200]) {
      expect(outcome(flipPayloadByte(bundle, index), server.trustedRoot, noLog)).toBe('SIGNATURE_ERROR');
    }
    const retyped = structuredClone(bundle);
    if (retyped.dsseEnvelope) retyped.dsseEnvelope.payloadType = 'application/json';
    expect(outcome(retyped, server.trustedRoot, noLog)).toBe('SIGNATURE_ERROR');
  });

  it('needs every part of its own trusted root', async () => {
    const other = await startSigstoreServer();
    const root = server.trustedRoot;
    const stamped = await signProvenance({ statement, identity, server, tsa: true });
    const twoTimestamps = { ...STRICT, timestampThreshold: 2 };
    try {
      expect(outcome(provenance, other.trustedRoot)).toBe('CERTIFICATE_ERROR');
      expect(
        outcome(provenance, { ...root, certificateAuthorities: other.trustedRoot.certificateAuthorities }),
      ).toBe('CERTIFICATE_ERROR');
      expect(outcome(provenance, { ...root, ctlogs: other.trustedRoot.ctlogs })).toBe('CERTIFICATE_ERROR');
      // sigstore-js rejects an embedded SCT that no trusted CT log verifies, even with a threshold of 0.
      expect(outcome(provenance, { ...root, ctlogs: [] }, { ...STRICT, ctlogThreshold: 0 })).toBe(
        'CERTIFICATE_ERROR',
      );
      expect(outcome(provenance, { ...root, tlogs: other.trustedRoot.tlogs })).toMatch(/^TLOG_/);
      expect(outcome(stamped, root, twoTimestamps)).toBe('verified');
      expect(
        outcome(
          stamped,
          { ...root, timestampAuthorities: other.trustedRoot.timestampAuthorities },
          twoTimestamps,
        ),
      ).toBe('TIMESTAMP_ERROR');
    } finally {
      await other.close();
    }
  });

  it('adds an RFC 3161 timestamp that counts as a second verified timestamp', async () => {
    const bundle = await signProvenance({ statement, identity, server, tsa: true });
    expect(bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps).toHaveLength(1);
    expect(outcome(bundle, server.trustedRoot, { ...STRICT, timestampThreshold: 2 })).toBe('verified');
    expect(outcome(provenance, server.trustedRoot, { ...STRICT, timestampThreshold: 2 })).toBe(
      'TIMESTAMP_ERROR',
    );
  });

  it('issues timestamps whose genTime @sigstore/core parses, whatever its milliseconds', async () => {
    // Without the re-issue in the server, about one timestamp in ten is rejected as "invalid time".
    const request = JSON.stringify({
      artifactHash: Buffer.alloc(32, 7).toString('base64'),
      hashAlgorithm: 'sha256',
    });
    for (let i = 0; i < 40; i++) {
      const response = await fetch(server.tsaURL, { method: 'POST', body: request });
      expect(response.status).toBe(201);
      const timestamp = RFC3161Timestamp.parse(Buffer.from(await response.arrayBuffer()));
      expect(timestamp.signingTime.getTime()).toBeLessThanOrEqual(Date.now());
    }
  });

  it('can leave out the log entry, which fails a tlog threshold of 1', async () => {
    const bundle = await signProvenance({ statement, identity, server, tlog: false, tsa: true });
    expect(bundle.verificationMaterial.tlogEntries ?? []).toHaveLength(0);
    expect(outcome(bundle, server.trustedRoot)).toBe('TLOG_ERROR');
    expect(outcome(bundle, server.trustedRoot, { ...STRICT, tlogThreshold: 0 })).toBe('verified');
  });

  it('writes v0.2 bundles with a certificate chain and intoto log entries on request', async () => {
    const bundle = await signProvenance({
      statement,
      identity,
      server,
      bundleVersion: '0.2',
      rekorEntryType: 'intoto',
    });
    expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle+json;version=0.2');
    expect(bundle.verificationMaterial.x509CertificateChain?.certificates).toHaveLength(1);
    expect(bundle.verificationMaterial.tlogEntries[0].kindVersion?.kind).toBe('intoto');
    expect(outcome(bundle, server.trustedRoot)).toBe('verified');
  });

  it('signs a blob as a message-signature bundle that covers exactly that blob', async () => {
    const bundle = await signBlob({ artifact, identity, server });
    expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle+json;version=0.2');
    expect(bundle.messageSignature?.messageDigest?.algorithm).toBe('SHA2_256');
    expect(bundle.verificationMaterial.tlogEntries[0].kindVersion?.kind).toBe('hashedrekord');
    expect(outcome(bundle, server.trustedRoot, STRICT, artifact)).toBe('verified');
    const tampered = Buffer.from(artifact);
    tampered[3] ^= 0x01;
    expect(outcome(bundle, server.trustedRoot, STRICT, tampered)).toBe('SIGNATURE_ERROR');
  });

  it('repackages a blob bundle as v0.3 with a single certificate', async () => {
    const bundle = await signBlob({ artifact, identity, server, bundleVersion: '0.3' });
    expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    expect(bundle.verificationMaterial.certificate).toBeDefined();
    expect(outcome(bundle, server.trustedRoot, STRICT, artifact)).toBe('verified');
  });

  it('signs with any identity, e.g. a lookalike signer, which verification alone does not catch', async () => {
    const lookalike = githubActionsIdentity({
      ...run,
      jobWorkflowRef: 'evil/widget/.github/workflows/release.yml@refs/tags/v1.2.3',
    });
    const bundle = await signProvenance({ statement, identity: lookalike, server });
    expect(verify(bundle, server.trustedRoot).identity?.subjectAlternativeName).toBe(
      'https://github.com/evil/widget/.github/workflows/release.yml@refs/tags/v1.2.3',
    );
  });
});
