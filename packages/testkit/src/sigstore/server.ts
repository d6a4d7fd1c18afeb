import { createHash, generateKeyPairSync, type KeyPairKeyObjectResult } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { RFC3161Timestamp } from '@sigstore/core';
import {
  fulcioHandler,
  initializeCA,
  initializeTLog,
  initializeTSA,
  rekorHandler,
  tsaHandler,
  type HandlerFn,
} from '@sigstore/mock';
import { createPrecertificateLog } from './ctlog';
import { toRekorEntryBody } from './rekor';

export const TRUSTED_ROOT_MEDIA_TYPE = 'application/vnd.dev.sigstore.trustedroot+json;version=0.1';

/** `trusted_root.json` in the protobuf-specs JSON form (bytes base64, times RFC 3339). */
export interface TrustedRootJSON {
  mediaType: string;
  tlogs: TransparencyLogInstanceJSON[];
  certificateAuthorities: CertificateAuthorityJSON[];
  ctlogs: TransparencyLogInstanceJSON[];
  timestampAuthorities: CertificateAuthorityJSON[];
}

export interface ValidityPeriodJSON {
  start: string;
  end?: string;
}

export interface TransparencyLogInstanceJSON {
  baseUrl: string;
  hashAlgorithm: 'SHA2_256';
  publicKey: {
    rawBytes: string;
    keyDetails: 'PKIX_ECDSA_P256_SHA_256' | 'PKIX_ED25519';
    validFor: ValidityPeriodJSON;
  };
  logId: { keyId: string };
}

export interface CertificateAuthorityJSON {
  subject: { organization: string; commonName: string };
  uri: string;
  certChain: { certificates: { rawBytes: string }[] };
  validFor: ValidityPeriodJSON;
}

export type SigstoreService = 'fulcio' | 'rekor' | 'tsa';

export interface SigstoreRequest {
  service: SigstoreService;
  method: string;
  path: string;
  status: number;
}

/** A Fulcio CA (with a CT log embedding SCTs), a Rekor log and an RFC 3161 TSA on one loopback port. */
export interface SigstoreServer {
  fulcioURL: string;
  rekorURL: string;
  tsaURL: string;
  /** Trust material for exactly this server's keys: verifying against it proves nothing else was trusted. */
  trustedRoot: TrustedRootJSON;
  /** Every request served, in order. */
  readonly requests: readonly SigstoreRequest[];
  close(): Promise<void>;
}

interface Route {
  service: SigstoreService;
  path: string;
  fn: HandlerFn;
}

const MOCK_OPERATOR = 'sigstore.mock';

/**
 * Starts the Sigstore services of `@sigstore/mock` behind a real HTTP server on 127.0.0.1 (random
 * port), so the real `@sigstore/sign` clients talk to them over the network stack instead of through
 * module patching. Keys are generated once per server.
 */
export async function startSigstoreServer(): Promise<SigstoreServer> {
  const routes: Route[] = [];
  const requests: SigstoreRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void serve(routes, req, Buffer.concat(chunks).toString('utf8')).then(
        ({ service, status, body, type }) => {
          if (service) {
            requests.push({ service, method: req.method ?? '', path: req.url ?? '', status });
          }
          res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
          res.end(body);
        },
      );
    });
  });
  // sigstore-js keeps idle sockets for longer than Node's 5 s default: a server that closes them
  // first resets the client's next request on a reused socket (ECONNRESET), as real services do not.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  const fulcioURL = `${base}/fulcio`;
  const rekorURL = `${base}/rekor`;
  const tsaURL = `${base}/tsa`;

  // Whole seconds: Rekor's integrated time is in seconds and must not precede the trust period.
  const validFrom = new Date(Math.floor(Date.now() / 1000) * 1000);
  const [caKeys, ctKeys, tlogKeys, tsaKeys] = [newKeyPair(), newKeyPair(), newKeyPair(), newKeyPair()];
  const ctlog = createPrecertificateLog(ctKeys);
  let services: [Awaited<ReturnType<typeof initializeCA>>, Awaited<ReturnType<typeof initializeTLog>>, TSA];
  try {
    services = await Promise.all([
      initializeCA(caKeys, ctlog),
      initializeTLog(rekorURL, tlogKeys),
      initializeTSA(tsaKeys),
    ]);
  } catch (err) {
    server.close();
    throw err;
  }
  const [ca, tlog, tsa] = services;

  const fulcio = fulcioHandler(ca);
  const rekor = rekorHandler(tlog);
  const timestamp = tsaHandler(withParseableGenTime(tsa));
  routes.push(
    { service: 'fulcio', path: `/fulcio${fulcio.path}`, fn: fulcio.fn },
    { service: 'rekor', path: `/rekor${rekor.path}`, fn: (body) => rekor.fn(toRekorEntryBody(body)) },
    { service: 'tsa', path: `/tsa${timestamp.path}`, fn: timestamp.fn },
    // sigstore-js posts to a TSA URL that has a path as it is (a SigningConfig URL is the full endpoint).
    { service: 'tsa', path: '/tsa', fn: timestamp.fn },
  );

  const start = validFrom.toISOString();
  const tlogKey = tlogKeys.publicKey.export({ format: 'der', type: 'spki' });
  const trustedRoot: TrustedRootJSON = {
    mediaType: TRUSTED_ROOT_MEDIA_TYPE,
    tlogs: [logInstance(rekorURL, tlogKey, sha256(tlogKey), start)],
    certificateAuthorities: [
      {
        subject: { organization: MOCK_OPERATOR, commonName: 'sigstore' },
        uri: fulcioURL,
        certChain: { certificates: [{ rawBytes: ca.rootCertificate.toString('base64') }] },
        validFor: { start },
      },
    ],
    ctlogs: [logInstance(`${base}/ctlog`, ctlog.publicKey, ctlog.logID, start)],
    timestampAuthorities: [
      {
        subject: { organization: MOCK_OPERATOR, commonName: 'tsa' },
        uri: tsaURL,
        certChain: {
          certificates: [
            { rawBytes: tsa.intCertificate.toString('base64') },
            { rawBytes: tsa.rootCertificate.toString('base64') },
          ],
        },
        validFor: { start },
      },
    ],
  };

  return {
    fulcioURL,
    rekorURL,
    tsaURL,
    trustedRoot,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Clients keep connections alive; without this close() would wait for them to time out.
        server.closeAllConnections();
      }),
  };
}

interface Reply {
  service?: SigstoreService;
  status: number;
  body: string | Buffer;
  type: string;
}

async function serve(routes: Route[], req: http.IncomingMessage, body: string): Promise<Reply> {
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  const route = routes.find((r) => r.path === path);
  if (!route) {
    return {
      status: 404,
      body: JSON.stringify({ message: `no such endpoint: ${path}` }),
      type: 'application/json',
    };
  }
  if (req.method !== 'POST') {
    return {
      service: route.service,
      status: 405,
      body: JSON.stringify({ message: `${req.method} not allowed on ${path}` }),
      type: 'application/json',
    };
  }
  try {
    const result = await route.fn(body);
    return {
      service: route.service,
      status: result.statusCode,
      body: result.response,
      type: result.contentType ?? 'text/plain',
    };
  } catch (err) {
    // The mock handlers answer their own errors; what reaches here is a request we could not parse.
    const message = err instanceof Error ? err.message : String(err);
    return {
      service: route.service,
      status: 400,
      body: JSON.stringify({ message }),
      type: 'application/json',
    };
  }
}

type TSA = Awaited<ReturnType<typeof initializeTSA>>;

const MAX_TIMESTAMP_ATTEMPTS = 50;

/**
 * DER drops trailing zeros of fractional seconds (`.05Z`, `.5Z`), which is what asn1js writes for the
 * mock TSA's genTime; `@sigstore/core` 3.2.1 parses only exactly three digits and rejects such a
 * timestamp as "invalid time". One time in ten would fail, so re-issue until the verifier's own parser
 * reads the genTime (the clock moves on between attempts).
 */
function withParseableGenTime(tsa: TSA): TSA {
  return {
    rootCertificate: tsa.rootCertificate,
    intCertificate: tsa.intCertificate,
    timestamp: async (request) => {
      for (let attempt = 1; ; attempt++) {
        const response = await tsa.timestamp(request);
        if (genTimeParses(response) || attempt === MAX_TIMESTAMP_ATTEMPTS) {
          return response;
        }
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    },
  };
}

function genTimeParses(response: Buffer): boolean {
  try {
    return RFC3161Timestamp.parse(Buffer.from(response)).signingTime instanceof Date;
  } catch {
    return false;
  }
}

function newKeyPair(): KeyPairKeyObjectResult {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' });
}

function sha256(data: Buffer): Buffer {
  return createHash('sha256').update(data).digest();
}

function logInstance(
  baseUrl: string,
  spki: Buffer,
  logId: Buffer,
  start: string,
): TransparencyLogInstanceJSON {
  return {
    baseUrl,
    hashAlgorithm: 'SHA2_256',
    publicKey: {
      rawBytes: spki.toString('base64'),
      keyDetails: 'PKIX_ECDSA_P256_SHA_256',
      validFor: { start },
    },
    logId: { keyId: logId.toString('base64') },
  };
}
