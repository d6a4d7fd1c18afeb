import { safeText } from '../text/safe-text';
import { markdownCell } from '../text/markdown';
import { describeFreeze, howToLift } from './check';
import type { FreezeDecision, FreezeScope } from './types';

function scopeText(scope: FreezeScope | null): string {
  return scope === null || scope === 'all' ? 'all releases' : scope.map(safeText).join(', ');
}

/** The facts of a decision, one `label: value` per line, for text and Markdown alike. */
function facts(decision: FreezeDecision, location: string, tag?: string): [string, string][] {
  const lines: [string, string][] = [];
  if (decision.reason !== null) lines.push(['reason', safeText(decision.reason)]);
  if (decision.incident !== null) lines.push(['incident', safeText(decision.incident)]);
  if (decision.set_by !== null) lines.push(['set by', safeText(decision.set_by)]);
  if (decision.set_at !== null) lines.push(['set at', decision.set_at]);
  if (decision.scope !== null) lines.push(['scope', scopeText(decision.scope)]);
  if (decision.expires_at !== null)
    lines.push([decision.expired ? 'expired at' : 'expires at', decision.expires_at]);
  if (tag !== undefined)
    lines.push([`tag ${safeText(tag)}`, decision.applies_to_tag ? 'frozen' : 'not frozen']);
  lines.push(['source', decision.source]);
  lines.push(['freeze file', safeText(location)]);
  return lines;
}

/** The headline: what an on-call engineer must know first. */
function headline(decision: FreezeDecision, tag?: string): string {
  const what = tag === undefined ? 'releases' : `releases of ${safeText(tag)}`;
  if (decision.frozen) {
    return decision.source === 'unreadable'
      ? `FROZEN: the freeze state cannot be read, so ${what} are refused (fail closed)`
      : `FROZEN: ${what} are frozen`;
  }
  if (decision.expired) return `not frozen: the freeze expired at ${decision.expires_at}`;
  return `not frozen: ${what} may proceed`;
}

/** `release-guard freeze status` in text. */
export function renderFreezeText(decision: FreezeDecision, location: string, tag?: string): string {
  const rows = facts(decision, location, tag);
  const width = Math.max(...rows.map(([label]) => label.length)) + 1;
  const lines = [
    headline(decision, tag),
    ...rows.map(([label, value]) => `  ${`${label}:`.padEnd(width)} ${value}`),
  ];
  if (decision.frozen) lines.push(howToLift(decision, location));
  return `${lines.join('\n')}\n`;
}

/**
 * The job summary banner: frozen since, by, why, and how to lift; or that releases may proceed.
 * Every value is escaped for one line; Markdown in a reason is shown, not rendered.
 */
export function renderFreezeMarkdown(decision: FreezeDecision, location: string, tag?: string): string {
  const banner = decision.frozen
    ? `> [!CAUTION]\n> **${markdownCell(headline(decision, tag))}.** ${markdownCell(describeFreeze(decision))}\n>\n> ${markdownCell(howToLift(decision, location))}`
    : `> [!NOTE]\n> **${markdownCell(headline(decision, tag))}.**`;
  const table = [
    '| | |',
    '| --- | --- |',
    ...facts(decision, location, tag).map(
      ([label, value]) => `| ${markdownCell(label)} | ${markdownCell(value)} |`,
    ),
  ];
  return `## Release freeze\n\n${banner}\n\n${table.join('\n')}\n`;
}
