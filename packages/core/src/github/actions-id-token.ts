import { ReleaseGuardError } from '../errors';

/** A token from the job's OIDC endpoint, and the request token that fetched it (both secrets). */
export interface ActionsIdToken {
  token: string;
  requestToken: string;
}

/**
 * Asks GitHub Actions' token endpoint (`ACTIONS_ID_TOKEN_REQUEST_URL` / `_TOKEN`) for a token with this
 * audience. `missing` is the usage error's message when the job has no endpoint.
 */
export async function requestActionsIdToken(
  env: NodeJS.ProcessEnv,
  audience: string,
  missing: string,
): Promise<ActionsIdToken> {
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!url || !requestToken) throw new ReleaseGuardError('usage_error', missing);
  const endpoint = new URL(url);
  endpoint.searchParams.set('audience', audience);
  let response: Response;
  try {
    response = await fetch(endpoint, { headers: { authorization: `Bearer ${requestToken}` } });
  } catch (error) {
    throw new ReleaseGuardError(
      'usage_error',
      'the GitHub Actions OIDC token endpoint could not be reached',
      {},
      { cause: error },
    );
  }
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
  return { token: value, requestToken };
}
