import { ReleaseGuardError } from '../errors';
import { parseXml } from './xml';

export type CoverageFormat = 'istanbul-summary' | 'lcov' | 'cobertura' | 'istanbul-text-summary';

/** Line coverage of a report: covered and total lines, and the percentage (two decimals). */
export interface LineCoverage {
  format: CoverageFormat;
  covered: number;
  total: number;
  percent: number;
}

function unreadable(source: string, problem: string): ReleaseGuardError {
  return new ReleaseGuardError('unreadable_input', `${source} is not a coverage report: ${problem}`, {
    file: source,
  });
}

function coverage(format: CoverageFormat, covered: number, total: number, percent?: number): LineCoverage {
  const computed = total === 0 ? 100 : (covered / total) * 100;
  return { format, covered, total, percent: Math.round((percent ?? computed) * 100) / 100 };
}

function fromIstanbulSummary(text: string, source: string): LineCoverage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw unreadable(source, 'it is not JSON');
  }
  const lines = (parsed as { total?: { lines?: { covered?: unknown; total?: unknown; pct?: unknown } } })
    ?.total?.lines;
  if (!lines || typeof lines.covered !== 'number' || typeof lines.total !== 'number') {
    throw unreadable(
      source,
      'an Istanbul coverage-summary.json has total.lines.covered and total.lines.total',
    );
  }
  return coverage('istanbul-summary', lines.covered, lines.total);
}

function fromLcov(text: string, source: string): LineCoverage {
  let found = 0;
  let hit = 0;
  let records = 0;
  for (const line of text.split(/\r?\n/)) {
    const match = /^(LF|LH):(\d+)$/.exec(line.trim());
    if (!match) continue;
    records += 1;
    if (match[1] === 'LF') found += Number(match[2]);
    else hit += Number(match[2]);
  }
  if (records === 0) throw unreadable(source, 'an lcov.info has LF: and LH: lines');
  return coverage('lcov', hit, found);
}

function fromCobertura(text: string, source: string): LineCoverage {
  const root = parseXml(text, source);
  const rate = Number(root.attributes['line-rate']);
  if (root.name !== 'coverage' || !Number.isFinite(rate)) {
    throw unreadable(source, 'a Cobertura report has a <coverage line-rate="..."> root');
  }
  const covered = Number(root.attributes['lines-covered'] ?? NaN);
  const valid = Number(root.attributes['lines-valid'] ?? NaN);
  if (Number.isFinite(covered) && Number.isFinite(valid)) return coverage('cobertura', covered, valid);
  return coverage('cobertura', 0, 0, rate * 100);
}

function fromTextSummary(text: string, source: string): LineCoverage {
  const match = /^\s*Lines\s*:\s*([\d.]+)%\s*\(\s*(\d+)\s*\/\s*(\d+)\s*\)/m.exec(text);
  if (!match) throw unreadable(source, 'an Istanbul text-summary has a "Lines : N% ( a/b )" line');
  return coverage('istanbul-text-summary', Number(match[2]), Number(match[3]));
}

/** Reads line coverage from any of the four formats, recognised by content, not by file name. */
export function parseCoverage(text: string, source: string): LineCoverage {
  const start = text.trimStart();
  if (start.startsWith('{')) return fromIstanbulSummary(text, source);
  if (start.startsWith('<')) return fromCobertura(text, source);
  if (/^(TN|SF):/m.test(text)) return fromLcov(text, source);
  if (/^\s*Lines\s*:/m.test(text)) return fromTextSummary(text, source);
  throw unreadable(
    source,
    'expected Istanbul coverage-summary.json, lcov.info, Cobertura XML or an Istanbul text-summary',
  );
}
