/** Values of the freeze variable that leave releases alone; any other value freezes. */
const OFF_VALUES = new Set(['', 'false', '0', 'off', 'no']);

/**
 * Whether the freeze variable (`vars.RELEASE_FREEZE` through an action's `freeze` input, or the
 * `RELEASE_FREEZE` environment variable of the CLI) forces the freeze on. Trimmed and read
 * case-insensitively; an unset variable is empty. Anything unexpected freezes: a typo in an
 * emergency switch must not ship a release.
 */
export function variableFreezes(value: string | undefined): boolean {
  return !OFF_VALUES.has((value ?? '').trim().toLowerCase());
}
