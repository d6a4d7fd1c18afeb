/**
 * Our own secret patterns, for what the secretlint preset misses or only catches in some spellings:
 * chat webhook URLs (the URL is the credential), npm auth tokens in an `.npmrc`, credentials inside a
 * git remote URL (`.git/config`, `.git-credentials`), and PEM private keys of any algorithm.
 */
export interface SecretPattern {
  rule: string;
  pattern: RegExp;
}

export const OWN_SECRET_RULES: readonly SecretPattern[] = [
  {
    rule: 'release-guard/webhook-url',
    pattern:
      /https:\/\/(?:hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]{16,}|(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d+\/[\w-]{20,}|[\w-]+\.webhook\.office\.com\/webhookb2\/\S{20,}|chat\.googleapis\.com\/v1\/spaces\/[^\s?]+\/messages\?key=\S+)/g,
  },
  {
    rule: 'release-guard/npmrc-auth-token',
    // `${NPM_TOKEN}` reads a variable at install time: a reference, not a secret.
    pattern: /(?:^|[\s:])_(?:authToken|auth|password)\s*=\s*(?!["']?\$\{)["']?[^\s"']{8,}/gm,
  },
  {
    rule: 'release-guard/git-url-credentials',
    pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@"'<>]+:[^\s/@"'<>]+@[^\s/"'<>]+/gi,
  },
  {
    rule: 'release-guard/pem-private-key',
    pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g,
  },
];
