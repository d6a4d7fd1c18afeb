import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** A command line to time: the program and its arguments. */
export interface Command {
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** Exit statuses that count as a good run (default: 0 only). */
  okStatus?: number[];
}

export interface Timing {
  median: number;
  min: number;
  /** Peak resident set size of our own process (bytes), when it ran with the RSS probe. */
  maxRss: number | null;
}

export interface Comparison {
  ours: Timing;
  baseline: Timing;
  /** ours / baseline, of the medians and of the minimums. */
  ratio: number;
  ratioMin: number;
}

const rssProbe = path.join(__dirname, 'report-rss.cjs');

/** Node running `script` with the RSS probe preloaded. */
export function node(script: string, args: string[], env?: NodeJS.ProcessEnv): Command {
  return { command: process.execPath, args: ['-r', rssProbe, script, ...args], env };
}

function once(cmd: Command): { seconds: number; maxRss: number | null } {
  const started = process.hrtime.bigint();
  const result = spawnSync(cmd.command, cmd.args, {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: cmd.env ?? process.env,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const ok = cmd.okStatus ?? [0];
  if (result.status === null || !ok.includes(result.status)) {
    throw new Error(
      `${path.basename(cmd.command)} ${cmd.args.join(' ')} exited ${result.status}: ${result.stderr}`.slice(
        0,
        2000,
      ),
    );
  }
  const rss = /RG_BENCH_MAX_RSS=(\d+)/.exec(result.stderr ?? '');
  return { seconds, maxRss: rss ? Number(rss[1]) : null };
}

function summarise(runs: { seconds: number; maxRss: number | null }[]): Timing {
  const seconds = runs.map((run) => run.seconds).sort((a, b) => a - b);
  const rss = runs.map((run) => run.maxRss).filter((value): value is number => value !== null);
  return {
    median: seconds[Math.floor(seconds.length / 2)],
    min: seconds[0],
    maxRss: rss.length > 0 ? Math.max(...rss) : null,
  };
}

/**
 * Runs `ours` and `baseline` alternately `runs` times after one warm-up each (page cache, disk), so
 * both see the same machine: a load that comes and goes falls on both sides.
 */
export function compare(ours: Command, baseline: Command, runs = 5): Comparison {
  once(baseline);
  once(ours);
  const a: ReturnType<typeof once>[] = [];
  const b: ReturnType<typeof once>[] = [];
  for (let i = 0; i < runs; i++) {
    b.push(once(baseline));
    a.push(once(ours));
  }
  const timingOurs = summarise(a);
  const timingBase = summarise(b);
  return {
    ours: timingOurs,
    baseline: timingBase,
    ratio: timingOurs.median / timingBase.median,
    ratioMin: timingOurs.min / timingBase.min,
  };
}

/** Several commands of ours against one baseline, interleaved the same way; the slowest is kept. */
export function compareSlowest(
  ours: { name: string; cmd: Command }[],
  baseline: Command,
  runs = 5,
): Comparison & { name: string } {
  const results = ours.map(({ name, cmd }) => ({ name, ...compare(cmd, baseline, runs) }));
  return results.reduce((worst, next) => (next.ratio > worst.ratio ? next : worst));
}

/** Prints rows as a Markdown table. */
export function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)));
  for (const [index, row] of rows.entries()) {
    console.log(`| ${row.map((cell, col) => cell.padEnd(widths[col])).join(' | ')} |`);
    if (index === 0) console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  }
}

export function ms(seconds: number): string {
  return seconds < 10 ? `${(seconds * 1000).toFixed(0)} ms` : `${seconds.toFixed(1)} s`;
}

export function mb(bytes: number | null): string {
  return bytes === null ? '-' : `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}
