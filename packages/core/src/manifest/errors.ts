import { ReleaseGuardError } from '../errors';
import { StoreConflictError } from '../store/conflict-error';

/**
 * Manifest refusals that are "checked and failed" (exit 1), as opposed to unusable input (exit 2).
 * The failure codes are about releases, not about the manifest's own rules, so these errors carry the
 * store codes of errors.ts and, for rule errors, the `rule` that refused.
 */

export type ManifestRule = 'illegal_transition' | 'issue_number_locked' | 'status_requirement';

/** An update that would break a manifest rule. Nothing was written. */
export class ManifestRuleError extends ReleaseGuardError {
  readonly rule: ManifestRule;
  /** The entry, as `manifestEntryKey` names it. */
  readonly entry: string;

  constructor(rule: ManifestRule, entry: string, message: string, details: Record<string, unknown> = {}) {
    super('manifest_rule', message, details);
    this.name = 'ManifestRuleError';
    this.rule = rule;
    this.entry = entry;
  }
}

/** Other writers kept moving the manifest and every attempt lost the compare-and-swap. Nothing was written. */
export class ManifestConflictError extends StoreConflictError {
  constructor(location: string, attempts: number, message: string) {
    super(location, attempts, message);
    this.name = 'ManifestConflictError';
  }
}
