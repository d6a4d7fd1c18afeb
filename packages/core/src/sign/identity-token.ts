import type { IdentityProvider } from '@sigstore/sign';
import { ReleaseGuardError } from '../errors';

/** The OIDC token's source, and every secret it has handed out (for redaction). */
export interface IdentityTokenSource {
  provider: IdentityProvider;
  /** Grows as tokens are fetched: the request token, and each identity token. */
  secrets: string[];
}

const AUDIENCE = 'sigstore';

/**
 * The token named by `--identity-token-env`, else GitHub Actions' token endpoint
 * (`ACTIONS_ID_TOKEN_REQUEST_URL` / `_TOKEN`, audience `sigstore`). Neither: a usage error, up front.
 */
export function identityTokenSource(env: NodeJS.ProcessEnv, tokenEnv?: string): IdentityTokenSource {
  const secrets: string[] = [];
  if (tokenEnv !== undefined) {
    const token = env[tokenEnv]?.trim();
    if (!token) {
      throw new ReleaseGuardError(
        'usage_error',
        `--identity-token-env ${tokenEnv}: the variable is not set or empty`,
      );
    }
    secrets.push(token);
    return { provider: { getToken: () => Promise.resolve(token) }, secrets };
  }
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!url || !bearer) {
    throw new ReleaseGuardError(
      'usage_error',
      'keyless signing needs an OIDC token: run in GitHub Actions with `permissions: id-token: write`, ' +
        'or name the variable holding a token with --identity-token-env',
    );
  }
  secrets.push(bearer);
  const getToken = async (): Promise<string> => {
    const endpoint = new URL(url);
    endpoint.searchParams.set('audience', AUDIENCE);
    const response = await fetch(endpoint, { headers: { authorization: `Bearer ${bearer}` } });
    if (!response.ok) {
      throw new ReleaseGuardError(
        'usage_error',
        `the GitHub Actions OIDC token endpoint answered ${response.status}: does the job have \`id-token: write\`?`,
      );
    }
    const value = ((await response.json()) as { value?: unknown }).value;
    if (typeof value !== 'string' || value === '') {
      throw new ReleaseGuardError('usage_error', 'the GitHub Actions OIDC token endpoint returned no token');
    }
    secrets.push(value);
    return value;
  };
  return { provider: { getToken }, secrets };
}
