import { randomBytes } from 'node:crypto';
import { findSecrets } from '../evidence/secrets';
import { redactSecrets } from '../text/redact-secrets';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A fake token shaped like a GitHub personal access token (`ghp_` and 36 characters), new for each
 * drill: it is planted in the data the alert carries and must not be in anything delivered.
 */
export function plantedToken(): string {
  const bytes = randomBytes(36);
  return `ghp_${[...bytes].map((byte) => BASE62[byte % BASE62.length]).join('')}`;
}

/** One text that left the drill: a Slack request body as sent, or the issue as GitHub stored it. */
export interface DeliveredText {
  /** `Slack webhook request 1`, `issue #12 as stored`. */
  where: string;
  text: string;
}

/**
 * What a delivered text gives away: the planted token in any of the spellings redaction knows
 * (plain, URL-encoded, JSON-escaped), and any secret the evidence scanner finds (secretlint's
 * preset and our rules). Checked on what was delivered, not on what the message builder returned,
 * so a builder that adds a field after redaction is caught too. Each finding names where and which
 * rule, never the value.
 */
export async function deliveredLeaks(delivered: DeliveredText[], planted: string): Promise<string[]> {
  const leaks: string[] = [];
  for (const { where, text } of delivered) {
    if (redactSecrets(text, [planted]) !== text) leaks.push(`${where}: the planted fake token`);
    for (const finding of await findSecrets(where, text)) {
      leaks.push(`${where}: a secret (${finding.rule}, line ${finding.line})`);
    }
  }
  return [...new Set(leaks)];
}
