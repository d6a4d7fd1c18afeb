import { InputError } from '../errors';

/**
 * The environment variable a composite action's `run:` step passes an input through:
 * `allow-slsa-v0.2` → `INPUT_ALLOW_SLSA_V0_2` (set in action.yml's `env:`, never interpolated in the script).
 */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`;
}

export interface NumberRule {
  min?: number;
  /** An exclusive lower bound, instead of `min`. */
  above?: number;
  max?: number;
  integer?: boolean;
  /** Words for the unit in messages: `seconds`, `minutes`. */
  unit?: string;
}

/**
 * Reads action inputs from the environment; an empty string is an input that was not given. Every
 * name read is remembered in `names`, so a test can compare what an entry reads with its action.yml.
 */
export class ActionInputs {
  /** The input names read so far, in order. */
  readonly names = new Set<string>();

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  optional(name: string): string | undefined {
    this.names.add(name);
    const value = this.env[inputVariable(name)]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  required(name: string): string {
    const value = this.optional(name);
    if (value === undefined) throw new InputError(name, 'is required');
    return value;
  }

  boolean(name: string, fallback = false): boolean {
    const value = this.optional(name);
    if (value === undefined) return fallback;
    if (/^(true|yes|1)$/i.test(value)) return true;
    if (/^(false|no|0)$/i.test(value)) return false;
    throw new InputError(name, `must be true or false, got ${JSON.stringify(value.slice(0, 200))}`);
  }

  /** A decimal number within the rule's bounds; `fallback` when the input is not given. */
  number(name: string, fallback: number, rule: NumberRule = {}): number {
    const text = this.optional(name);
    if (text === undefined) return fallback;
    const value = /^[0-9]*\.?[0-9]+$/.test(text) ? Number(text) : NaN;
    const { min = 0, above, max = Number.MAX_SAFE_INTEGER, integer = false, unit } = rule;
    const low = above === undefined ? value >= min : value > above;
    if (!Number.isFinite(value) || !low || value > max || (integer && !Number.isInteger(value))) {
      const kind = integer ? 'a whole number' : unit ? `a number of ${unit}` : 'a number';
      const range = above === undefined ? `from ${min} to ${max}` : `above ${above} and at most ${max}`;
      throw new InputError(name, `must be ${kind} ${range}, got ${JSON.stringify(text.slice(0, 200))}`);
    }
    return value;
  }

  /** One value per line (or comma-separated), as multi-value action inputs are written. */
  list(name: string): string[] {
    return (this.optional(name) ?? '')
      .split(/[\n,]/)
      .map((item) => item.trim())
      .filter((item) => item !== '');
  }

  /** One value per line, commas kept: for values that may hold commas (`KEY=VALUE`, globs). */
  lines(name: string): string[] {
    return (this.optional(name) ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '');
  }
}
