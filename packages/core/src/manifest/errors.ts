import { StoreConflictError } from '../store/conflict-error';

/**
 * Manifest refusals that are "checked and failed" (CLI exit 1), as opposed to unusable input
 * (ReleaseGuardError 'usage_error' / 'unreadable_input', exit 2). The failure codes of errors.ts are
 * about releases, not about the manifest's own rules, so these errors carry their own `rule`.
 */

export type ManifestRule = 'illegal_transition' | 'issue_number_locked' | 'status_requirement';

/** An update that would break a manifest rule. Nothing was written. */
export class ManifestRuleError extends Error {
  readonly rule: ManifestRule;
  /** The entry, as `manifestEntryKey` names it. */
  readonly entry: string;
  readonly details: Record<string, unknown>;

  constructor(rule: ManifestRule, entry: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ManifestRuleError';
    this.rule = rule;
    this.entry = entry;
    this.details = details;
  }
}

/** Other writers kept moving the manifest and every attempt lost the compare-and-swap. Nothing was written. */
export class ManifestConflictError extends StoreConflictError {
  constructor(location: string, attempts: number, message: string) {
    super(location, attempts, message);
    this.name = 'ManifestConflictError';
  }
}
