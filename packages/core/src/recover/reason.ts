import { redactSecrets } from '../text/redact-secrets';
import { safeText } from '../text/safe-text';

/**
 * Credentials redacted from the reason even when nobody named them as a secret (an on-call pasting a
 * token at 3 a.m.): GitHub tokens (classic and fine-grained), Slack tokens and webhook URLs.
 */
const CREDENTIAL_SHAPES = [
  /\bgh[pousr]_[A-Za-z0-9]{20,}/g,
  /\bgithub_pat_[A-Za-z0-9_]{20,}/g,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/g,
  /https:\/\/hooks\.slack\.com\/[^\s"'<>]+/g,
];

/** Longer reasons are cut: the manifest keeps the why, a link holds the details. */
export const REASON_MAX_LENGTH = 1000;

/** `text` with the given secrets and every credential-shaped string replaced by `***`. */
export function redactCredentials(text: string, secrets: readonly (string | undefined)[]): string {
  let redacted = redactSecrets(text, secrets);
  for (const shape of CREDENTIAL_SHAPES) redacted = redacted.replace(shape, '***');
  return redacted;
}

/**
 * The on-call's `reason` as it may be written anywhere (log, job summary, manifest note, report):
 * secrets redacted, control characters and bidirectional overrides escaped so it stays one line and
 * cannot forge a workflow command, and cut at REASON_MAX_LENGTH characters.
 */
export function recordableReason(reason: string, secrets: readonly (string | undefined)[]): string {
  const text = safeText(redactCredentials(reason.trim(), secrets));
  return text.length > REASON_MAX_LENGTH ? `${text.slice(0, REASON_MAX_LENGTH)}… (cut)` : text;
}
