import crypto from 'node:crypto';
import type { SerializedBundle } from '@sigstore/bundle';
import { createRekorV2Log, noteKeyId } from './rekor-v2';

/** Sigstore public-good Rekor v2 `log2025-1`, as its trusted_root.json lists it. */
const LOG2025_1 = {
  origin: 'log2025-1.rekor.sigstore.dev',
  spki: 'MCowBQYDK2VwAyEAt8rlp1knGwjfbcXAYPYAkn0XiLz1x8O4t0YkEhie244=',
  logId: 'zxGZFVvd0FEmjR8WrFwMdcAJ9vtaY/QXf44Y1wUeP6A=',
};

describe('Rekor v2 log', () => {
  it('derives its log id as the public log2025-1 does (the C2SP signed-note key id)', () => {
    const key = crypto.createPublicKey({
      key: Buffer.from(LOG2025_1.spki, 'base64'),
      format: 'der',
      type: 'spki',
    });
    expect(noteKeyId(LOG2025_1.origin, key).toString('base64')).toBe(LOG2025_1.logId);
  });

  it('signs a checkpoint note with the key it lists, under its key hint', () => {
    const log = createRekorV2Log('2026-01-01T00:00:00Z', 'log.test.invalid');
    const bundle = {
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      verificationMaterial: {
        publicKey: { hint: 'k' },
        tlogEntries: [],
        timestampVerificationData: undefined,
      },
      dsseEnvelope: {
        payload: Buffer.from('{}').toString('base64'),
        payloadType: 'text/plain',
        signatures: [{ sig: 'c2ln', keyid: '' }],
      },
    };
    const key = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    const publicKeyPem = key.export({ type: 'spki', format: 'pem' }).toString();
    const logged = log.logBundle(bundle as unknown as SerializedBundle, { publicKeyPem });
    const proof = logged.verificationMaterial.tlogEntries[0].inclusionProof as {
      treeSize: string;
      rootHash: string;
      checkpoint: { envelope: string };
    };
    const [note, signatureLine] = proof.checkpoint.envelope.split('\n\n');
    expect(note).toBe(`log.test.invalid\n${proof.treeSize}\n${proof.rootHash}`);
    const match = /^\u2014 log\.test\.invalid (\S+)\n$/.exec(signatureLine);
    const signed = Buffer.from(match?.[1] ?? '', 'base64');
    const logId = Buffer.from(log.instance.logId.keyId, 'base64');
    expect(signed.subarray(0, 4)).toEqual(logId.subarray(0, 4));
    const logKey = crypto.createPublicKey({
      key: Buffer.from(log.instance.publicKey.rawBytes, 'base64'),
      format: 'der',
      type: 'spki',
    });
    expect(crypto.verify(null, Buffer.from(`${note}\n`), logKey, signed.subarray(4))).toBe(true);
  });
});
