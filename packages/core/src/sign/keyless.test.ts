import { X509Certificate } from '@sigstore/core';
import {
  githubActionsIdentity,
  startSigstoreServer,
  unsignedIdentityToken,
  type SigstoreServer,
} from '@release-guard/testkit';
import { KeylessCertificates, RENEW_BEFORE_MS } from './keyless';

describe('KeylessCertificates', () => {
  let server: SigstoreServer;
  beforeAll(async () => {
    server = await startSigstoreServer();
  });
  afterAll(() => server.close());

  it('keeps one certificate while it has a minute left, and renews it (new key) when less is left', async () => {
    const identity = githubActionsIdentity({
      repository: 'acme/app',
      ref: 'refs/tags/v1.0.0',
      commit: 'a'.repeat(40),
    });
    let tokens = 0;
    let clock = Date.now();
    const certificates = new KeylessCertificates({
      fulcioURL: server.fulcioURL,
      identity: { getToken: () => Promise.resolve((tokens++, unsignedIdentityToken(identity))) },
      now: () => clock,
    });
    const first = await certificates.current();
    expect(await certificates.current()).toBe(first);
    const notAfter = X509Certificate.parse(first.certificatePem ?? '').notAfter.getTime();
    clock = notAfter - RENEW_BEFORE_MS - 1000;
    expect(await certificates.current()).toBe(first);
    expect(tokens).toBe(1);
    clock = notAfter - RENEW_BEFORE_MS + 1000;
    const renewed = await certificates.current();
    expect(renewed).not.toBe(first);
    expect(renewed.privateKey).not.toBe(first.privateKey);
    expect(tokens).toBe(2);
    expect(certificates.issued).toHaveLength(2);
    expect(certificates.identity()).toEqual({ san: identity.san, issuer: identity.issuer });
  });
});
