import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ReleaseGuardError } from '../errors';
import { loadAttestations, parseAttestations } from './load';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof ReleaseGuardError ? error.code : `not a ReleaseGuardError: ${String(error)}`;
  }
  return undefined;
}

describe('loading provenance files', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-load-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports a missing file as provenance_missing', () => {
    expect(codeOf(() => loadAttestations(path.join(dir, 'nope.intoto.jsonl')))).toBe('provenance_missing');
  });

  it('refuses a huge file before reading it', () => {
    const file = path.join(dir, 'huge.json');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 64 * 1024 * 1024);
    expect(codeOf(() => loadAttestations(file))).toBe('malformed_provenance');
  });

  it.each([
    ['an empty file', ''],
    [
      'truncated JSON',
      '{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json","verificationMaterial":',
    ],
    [
      'a bundle without verification material',
      '{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json","dsseEnvelope":{}}',
    ],
    [
      'a DSSE envelope without signatures',
      '{"payloadType":"application/vnd.in-toto+json","payload":"e30=","signatures":[]}',
    ],
    [
      'a keyless DSSE envelope with two signatures',
      '{"payloadType":"x","payload":"e30=","signatures":[{"sig":"AA==","cert":"x"},{"sig":"AA=="}]}',
    ],
    [
      'a DSSE envelope with more signatures than any signer makes',
      `{"payloadType":"x","payload":"e30=","signatures":[${Array(33).fill('{"sig":"AA=="}').join(',')}]}`,
    ],
    ['an unrelated JSON document', '{"hello":"world"}'],
    ['deep nesting', `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`],
    ['a line of JSON Lines that is broken', '{"a":1}\n{"b":'],
  ])('refuses %s as malformed_provenance', (_label, text) => {
    expect(codeOf(() => parseAttestations(text, 'p'))).toBe('malformed_provenance');
  });

  it('reads a DSSE envelope without a certificate as signed with a key, every signature kept', () => {
    const [attestation] = parseAttestations(
      '{"payloadType":"application/vnd.in-toto+json","payload":"e30=","signatures":[{"keyid":"k1","sig":"AA=="},{"sig":"AQ=="}]}',
      'p',
    );
    expect(attestation.bundle.verificationMaterial.content).toEqual({
      $case: 'publicKey',
      publicKey: { hint: 'k1' },
    });
    const content = attestation.bundle.content;
    expect(content.$case === 'dsseEnvelope' && content.dsseEnvelope.signatures).toHaveLength(2);
  });

  it('refuses more log entries than any signer makes', () => {
    const entry = {
      logIndex: '1',
      logId: { keyId: 'AA==' },
      kindVersion: { kind: 'dsse', version: '0.0.1' },
      integratedTime: '1',
      inclusionPromise: { signedEntryTimestamp: 'AA==' },
      canonicalizedBody: 'AA==',
    };
    const bundle = {
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      verificationMaterial: {
        certificate: { rawBytes: 'AA==' },
        tlogEntries: Array.from({ length: 33 }, () => entry),
      },
      dsseEnvelope: {
        payloadType: 'application/vnd.in-toto+json',
        payload: 'e30=',
        signatures: [{ keyid: '', sig: 'AA==' }],
      },
    };
    expect(codeOf(() => parseAttestations(JSON.stringify(bundle), 'p'))).toBe('malformed_provenance');
  });
});
