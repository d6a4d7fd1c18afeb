import { usageError } from '../errors';

/**
 * The environment variable a composite action's `run:` step passes an input through:
 * `allow-slsa-v0.2` → `INPUT_ALLOW_SLSA_V0_2` (set in action.yml's `env:`, never interpolated in the script).
 */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`;
}

/** Reads action inputs from the environment; an empty string is an input that was not given. */
export class ActionInputs {
  constructor(private readonly env: NodeJS.ProcessEnv) {}

  optional(name: string): string | undefined {
    const value = this.env[inputVariable(name)]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  required(name: string): string {
    const value = this.optional(name);
    if (value === undefined) throw usageError(`input \`${name}\` is required`);
    return value;
  }

  boolean(name: string, fallback = false): boolean {
    const value = this.optional(name);
    if (value === undefined) return fallback;
    if (/^(true|yes|1)$/i.test(value)) return true;
    if (/^(false|no|0)$/i.test(value)) return false;
    throw usageError(`input \`${name}\` must be true or false, got ${JSON.stringify(value)}`);
  }

  /** One value per line (or comma-separated), as multi-value action inputs are written. */
  list(name: string): string[] {
    return (this.optional(name) ?? '')
      .split(/[\n,]/)
      .map((item) => item.trim())
      .filter((item) => item !== '');
  }
}
