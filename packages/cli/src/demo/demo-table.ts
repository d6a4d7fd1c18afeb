import { clipValue } from '@release-guard/core/text/echo-value';

export interface DemoRow {
  name: string;
  shows: string;
  verdict: 'as expected' | 'NOT AS EXPECTED' | 'skipped';
}

/** Widest "what it showed" cell before it is cut, so the table fits a terminal. */
const SHOWS_WIDTH = 80;

/** The closing table of the demo: stage, what it showed, verdict; one row per stage. */
export function renderDemoTable(rows: DemoRow[]): string {
  const cells = [
    ['STAGE', 'WHAT IT SHOWED', 'VERDICT'],
    ...rows.map((row, i) => [`${i + 1}. ${row.name}`, clipValue(row.shows, SHOWS_WIDTH), row.verdict]),
  ];
  const widths = [0, 1].map((column) => Math.max(...cells.map((cell) => [...cell[column]].length)));
  return cells
    .map(([name, shows, verdict]) => [name.padEnd(widths[0]), shows.padEnd(widths[1]), verdict].join('  '))
    .join('\n');
}
