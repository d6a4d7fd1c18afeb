import { ReleaseGuardError, type ErrorCode } from '../errors';
import { redactSecrets, redactSecretsDeep } from '../text/redact-secrets';

/** sigstore-js codes that mean the identity token itself is unusable (exit 2). */
const TOKEN_CODES = new Set(['IDENTITY_TOKEN_PARSE_ERROR', 'IDENTITY_TOKEN_READ_ERROR']);

const MAX_CAUSES = 4;

function describe(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < MAX_CAUSES; depth++) {
    parts.push(current instanceof Error ? current.message : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join(': ');
}

/**
 * Any error of a signing run as it may be printed or stored: every message and `cause` redacted
 * (`@sigstore/sign` writes the identity token into IDENTITY_TOKEN_PARSE_ERROR). A library error
 * becomes `signature_invalid` (the signature could not be made) or, for the token, `usage_error`; any
 * other error is `internal_error`;
 * the original error is not kept, not even as the cause.
 */
export function redactedSigningError(error: unknown, secrets: readonly string[]): ReleaseGuardError {
  if (error instanceof ReleaseGuardError) {
    const cause =
      error.cause === undefined ? undefined : new Error(redactSecrets(describe(error.cause), secrets));
    return new ReleaseGuardError(
      error.code,
      redactSecrets(error.message, secrets),
      redactSecretsDeep(error.details, secrets),
      { cause },
    );
  }
  const libraryCode = (error as { code?: unknown } | null)?.code;
  const fromLibrary = typeof libraryCode === 'string';
  // Only sigstore-js errors (they carry a code) are failures to sign; anything else is our bug.
  const code: ErrorCode = !fromLibrary
    ? 'internal_error'
    : TOKEN_CODES.has(libraryCode)
      ? 'usage_error'
      : 'signature_invalid';
  const what =
    code === 'usage_error'
      ? 'the OIDC identity token is not usable'
      : code === 'internal_error'
        ? 'internal error while signing'
        : 'signing failed';
  const label = fromLibrary ? ` (${libraryCode})` : '';
  const text = redactSecrets(describe(error), secrets);
  return new ReleaseGuardError(code, `${what}${label}: ${text}`, {}, { cause: new Error(text) });
}
