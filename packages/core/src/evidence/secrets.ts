import { lintSource } from '@secretlint/core';
import { creator as recommendedPreset } from '@secretlint/secretlint-rule-preset-recommend';
import { OWN_SECRET_RULES } from './secret-rules';

/** Where a secret was found: file, line and rule, never the value. */
export interface SecretFinding {
  path: string;
  line: number;
  rule: string;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line += 1;
  return line;
}

function ownFindings(path: string, text: string): SecretFinding[] {
  const found: SecretFinding[] = [];
  for (const { rule, pattern } of OWN_SECRET_RULES) {
    for (const match of text.matchAll(new RegExp(pattern.source, pattern.flags))) {
      found.push({ path, line: lineAt(text, match.index ?? 0), rule });
    }
  }
  return found;
}

async function secretlintFindings(path: string, text: string): Promise<SecretFinding[]> {
  const result = await lintSource({
    source: { filePath: path, content: text, contentType: 'text' },
    options: {
      config: { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: recommendedPreset }] },
      maskSecrets: true,
    },
  });
  return result.messages.map((message) => ({ path, line: message.loc.start.line, rule: message.ruleId }));
}

/**
 * The secrets in one file's text: secretlint's recommended preset plus our own rules, one finding
 * per file, line and rule, in line order.
 */
export async function findSecrets(path: string, text: string): Promise<SecretFinding[]> {
  const all = [...(await secretlintFindings(path, text)), ...ownFindings(path, text)];
  const unique = new Map(all.map((finding) => [`${finding.line}\u0000${finding.rule}`, finding]));
  return [...unique.values()].sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
}
