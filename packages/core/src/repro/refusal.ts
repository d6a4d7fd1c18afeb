import { ReleaseGuardError } from '../errors';

/**
 * An archive that cannot be explained safely (hostile names or links, too many entries, a bomb) or at
 * all (truncated, corrupt). Unusable input: exit 2, and never a partial "identical".
 */
export class ArchiveRefusal extends ReleaseGuardError {
  constructor(archive: string, reason: string, options: { cause?: unknown } = {}) {
    super(
      'unreadable_input',
      `${archive}: ${reason}; the archive was not explained`,
      { archive, reason },
      options,
    );
    this.name = 'ArchiveRefusal';
  }
}
