import crypto from 'node:crypto';
import { X509Certificate } from '@sigstore/core';
import { FulcioSigner, type IdentityProvider, type Signer } from '@sigstore/sign';
import { fulcioIdentity } from '../sigstore/certificate';
import type { MaterialSource, SigningMaterial } from './material';

export const DEFAULT_FULCIO_URL = 'https://fulcio.sigstore.dev';

/** A certificate with less than this left is renewed before the next file (Fulcio's last 10 minutes). */
export const RENEW_BEFORE_MS = 60_000;

export interface KeylessOptions {
  fulcioURL: string;
  identity: IdentityProvider;
  /** The clock; tests move it. */
  now?: () => number;
}

interface Held {
  material: SigningMaterial;
  notAfter: number;
  san: string | null;
  issuer: string | null;
  pem: string;
}

/**
 * Keyless signing material: an ephemeral P-256 key and its Fulcio certificate, taken through
 * `FulcioSigner` with our key as its key holder (one OIDC exchange per certificate). The key then
 * signs every file itself, streamed. A new key and certificate are made when less than 60 s are left.
 */
export class KeylessCertificates implements MaterialSource {
  private held: Held | null = null;
  /** Every certificate issued this run (PEM), in order. */
  readonly issued: string[] = [];

  constructor(private readonly options: KeylessOptions) {}

  async current(): Promise<SigningMaterial> {
    const now = (this.options.now ?? Date.now)();
    if (this.held === null || this.held.notAfter - now < RENEW_BEFORE_MS) this.held = await this.issue();
    return this.held.material;
  }

  /** The SAN and issuer of the latest certificate, null before the first. */
  identity(): { san: string | null; issuer: string | null } | null {
    return this.held && { san: this.held.san, issuer: this.held.issuer };
  }

  certificatePem(): string | null {
    return this.held?.pem ?? null;
  }

  private async issue(): Promise<Held> {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const publicPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const keyHolder: Signer = {
      sign: (data) =>
        Promise.resolve({
          signature: crypto.sign('sha256', data, privateKey),
          key: { $case: 'publicKey', publicKey: publicPem },
        }),
    };
    const fulcio = new FulcioSigner({
      identityProvider: this.options.identity,
      fulcioBaseURL: this.options.fulcioURL,
      keyHolder,
      timeout: 30_000,
      retry: { retries: 2, factor: 2, minTimeout: 1000, maxTimeout: 5000 },
    });
    // The signature over nothing is discarded: the call is for the certificate.
    const { key } = await fulcio.sign(Buffer.alloc(0));
    const pem = key.$case === 'x509Certificate' ? key.certificate : '';
    const cert = X509Certificate.parse(pem);
    const identity = fulcioIdentity(cert);
    this.issued.push(pem);
    return {
      material: {
        kind: 'keyless',
        privateKey,
        witnessKey: pem,
        certificate: derOf(pem),
        certificatePem: pem,
      },
      notAfter: cert.notAfter.getTime(),
      san: identity.san,
      issuer: identity.issuer,
      pem,
    };
  }
}

function derOf(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, ''), 'base64');
}
