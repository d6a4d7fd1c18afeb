import type { IdentityProvider } from '@sigstore/sign';
import { ReleaseGuardError } from '../errors';
import { requestActionsIdToken } from '../github/actions-id-token';

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
  const missing =
    'keyless signing needs an OIDC token: run in GitHub Actions with `permissions: id-token: write`, ' +
    'or name the variable holding a token with --identity-token-env';
  const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !bearer) throw new ReleaseGuardError('usage_error', missing);
  secrets.push(bearer);
  const getToken = async (): Promise<string> => {
    const { token } = await requestActionsIdToken(env, AUDIENCE, missing);
    secrets.push(token);
    return token;
  };
  return { provider: { getToken }, secrets };
}
