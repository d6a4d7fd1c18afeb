/** What a redacted secret reads as: the same mark the runner prints for masked values. */
export const REDACTED = '***';

/** Shorter values are not treated as secrets: redacting `1` or `ok` would garble every text. */
const MIN_SECRET_LENGTH = 6;

/**
 * The spellings a secret takes in the texts we write: as given, URL-encoded (in a query or a link),
 * JSON-escaped (inside a serialised payload), and for a URL its path and query without the host
 * (where a Slack webhook keeps its secret).
 */
function spellings(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
  if (/^https?:\/\//i.test(secret)) {
    try {
      const url = new URL(secret);
      if (url.pathname.length > 1 || url.search) forms.add(`${url.pathname}${url.search}`);
    } catch {
      // Not a URL after all: the other spellings cover it.
    }
  }
  return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH);
}

/**
 * Replaces every secret in `text` with `***`. The runner masks secrets in logs and job summaries
 * only; issue bodies, Slack payloads, the manifest and reports are ours to redact.
 * Longer secrets are replaced first, so a secret that contains another is redacted whole.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined | null)[]): string {
  const forms = secrets
    .filter((secret): secret is string => typeof secret === 'string')
    .flatMap((secret) => spellings(secret.trim()))
    .sort((a, b) => b.length - a.length);
  let redacted = text;
  for (const form of forms) redacted = redacted.split(form).join(REDACTED);
  return redacted;
}

/** redactSecrets over every string inside a JSON-like value (objects and arrays are copied). */
export function redactSecretsDeep<T>(value: T, secrets: readonly (string | undefined | null)[]): T {
  if (typeof value === 'string') return redactSecrets(value, secrets) as T;
  if (Array.isArray(value)) return value.map((item) => redactSecretsDeep(item, secrets)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, redactSecretsDeep(item, secrets)]),
    ) as T;
  }
  return value;
}
