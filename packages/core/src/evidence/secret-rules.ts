/**
 * Our own secret patterns, for what the secretlint preset misses or only catches in some spellings:
 * chat webhook URLs (the URL is the credential), npm auth tokens in an `.npmrc`, credentials inside a
 * git remote URL (`.git/config`, `.git-credentials`), PEM private keys of any algorithm, and AWS
 * keys as test output escapes them (`\"` inside a JSON string in a JUnit system-out), where the
 * preset's AWS rule, which expects plain quotes, does not see them.
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
    rule: 'release-guard/aws-credentials',
    pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g,
  },
  {
    rule: 'release-guard/aws-credentials',
    pattern: /aws_?secret_?access_?key[\s\\"':=]{1,8}[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])/gi,
  },
  {
    rule: 'release-guard/pem-private-key',
    pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g,
  },
];
