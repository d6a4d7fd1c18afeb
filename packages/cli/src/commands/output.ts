import { InvalidArgumentError } from 'commander';
import { renderVerifyText, type VerifyReport } from '@release-guard/core';
import type { CliContext } from '../context';

export type OutputFormat = 'text' | 'json';

export function parseFormat(value: string): OutputFormat {
  if (value !== 'text' && value !== 'json') {
    throw new InvalidArgumentError('must be text or json');
  }
  return value;
}

/** Prints a verification report and sets the exit code: JSON alone on stdout, or the text report. */
export function emitVerifyReport(ctx: CliContext, report: VerifyReport, format: OutputFormat): void {
  if (format === 'json') ctx.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else ctx.stdout(renderVerifyText(report));
  ctx.exitCode = report.verified ? 0 : 1;
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
