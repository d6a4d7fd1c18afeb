import { ReleaseGuardError } from '../errors';

/**
 * Other writers kept changing a compare-and-swap store and every attempt lost the race. Nothing was
 * written. The manifest and the release freeze each throw their own subclass.
 */
export class StoreConflictError extends ReleaseGuardError {
  readonly location: string;
  readonly attempts: number;

  constructor(location: string, attempts: number, message: string) {
    super('store_conflict', message, { location, attempts });
    this.name = 'StoreConflictError';
    this.location = location;
    this.attempts = attempts;
  }
}
