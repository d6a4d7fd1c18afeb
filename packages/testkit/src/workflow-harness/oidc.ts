import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the harness asks of a token endpoint: the two variables a job with `id-token: write` gets. */
export interface OidcGrantor {
  grant(jobId: string): { url: string; token: string };
}

export interface OidcServerOptions {
  /** The key tokens are signed with (RSA → RS256, P-256 → ES256). */
  privateKey: crypto.KeyObject;
  /** `kid` in the token header. Default `harness`. */
  keyId?: string;
  /** Default GitHub's, `https://token.actions.githubusercontent.com`. */
  issuer?: string;
  /** Claims of a job's token (`job_workflow_ref`, `repository`, `ref`, `sha`, …); `aud` is the audience asked for. */
  claims:
    Record<string, unknown> | ((request: { jobId: string; audience: string }) => Record<string, unknown>);
}

export interface OidcTokenRequest {
  jobId: string;
  audience: string;
  token: string;
}

export interface OidcServer extends OidcGrantor {
  url: string;
  /** Every token issued, in order. */
  issued: OidcTokenRequest[];
  close(): Promise<void>;
}

function algorithm(key: crypto.KeyObject): { alg: string; hash: string; dsaEncoding?: 'ieee-p1363' } {
  if (key.asymmetricKeyType === 'rsa') return { alg: 'RS256', hash: 'sha256' };
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') {
    return { alg: 'ES256', hash: 'sha256', dsaEncoding: 'ieee-p1363' };
  }
  throw new Error('oidc: the signing key must be RSA or P-256');
}

/** A compact JWS over `payload`, signed by `key`. */
export function signJwt(payload: Record<string, unknown>, key: crypto.KeyObject, keyId = 'harness'): string {
  const { alg, hash, dsaEncoding } = algorithm(key);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode({ alg, typ: 'JWT', kid: keyId })}.${encode(payload)}`;
  const signature = crypto.sign(hash, Buffer.from(input), dsaEncoding ? { key, dsaEncoding } : key);
  return `${input}.${signature.toString('base64url')}`;
}

/**
 * GitHub's job token endpoint on loopback: `GET <ACTIONS_ID_TOKEN_REQUEST_URL>&audience=…` with
 * `Authorization: Bearer <ACTIONS_ID_TOKEN_REQUEST_TOKEN>` answers `{"value": "<jwt>"}`. Each job gets
 * its own request token, so the claims can depend on the job.
 */
export async function startOidcServer(options: OidcServerOptions): Promise<OidcServer> {
  const grants = new Map<string, string>();
  const issued: OidcTokenRequest[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const jobId = bearer === undefined ? undefined : grants.get(bearer);
    if (req.method !== 'GET' || url.pathname !== '/token' || jobId === undefined) {
      res
        .writeHead(jobId === undefined ? 401 : 404, { 'content-type': 'application/json' })
        .end('{"message":"denied"}');
      return;
    }
    const audience = url.searchParams.get('audience') ?? 'https://github.com';
    const claims =
      typeof options.claims === 'function' ? options.claims({ jobId, audience }) : options.claims;
    const now = Math.floor(Date.now() / 1000);
    const token = signJwt(
      {
        iss: options.issuer ?? 'https://token.actions.githubusercontent.com',
        aud: audience,
        iat: now,
        nbf: now - 5,
        exp: now + 300,
        jti: crypto.randomUUID(),
        ...claims,
      },
      options.privateKey,
      options.keyId,
    );
    issued.push({ jobId, audience, token });
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ count: 1, value: token }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token?api-version=2.0`;
  return {
    url: base,
    issued,
    grant(jobId) {
      const token = `oidc-request-${crypto.randomBytes(12).toString('hex')}`;
      grants.set(token, jobId);
      return { url: base, token };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
