/**
 * `expect(fn).toThrowReleaseGuardError(code, message?)` and `await expect(promise).rejects…`: the
 * error is core's, with that stable code (and, when given, a message matching the pattern). Tests
 * assert the code first; the message is for people.
 */
interface ErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
}

function isReleaseGuardError(value: unknown): value is ErrorShape & { code: string; message: string } {
  // By shape: jest gives each test file its own module registry, so instanceof would not hold.
  return value instanceof Error && typeof (value as ErrorShape).code === 'string' && 'details' in value;
}

export const releaseGuardMatchers = {
  toThrowReleaseGuardError(this: jest.MatcherContext, received: unknown, code: string, message?: RegExp) {
    let error: unknown = received;
    if (typeof received === 'function' && !this.promise) {
      error = undefined;
      try {
        (received as () => unknown)();
      } catch (thrown) {
        error = thrown;
      }
    }
    const matches =
      isReleaseGuardError(error) &&
      error.code === code &&
      (message === undefined || message.test(error.message));
    const actual = isReleaseGuardError(error)
      ? `${error.code}: ${error.message}`
      : error instanceof Error
        ? `${error.name}: ${error.message}`
        : String(error);
    return {
      pass: matches,
      message: () =>
        `expected ${this.isNot ? 'no ' : ''}ReleaseGuardError ${code}${message ? ` matching ${message}` : ''}, got ${actual}`,
    };
  },
};

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- jest's matcher types live in this namespace
  namespace jest {
    interface Matchers<R> {
      toThrowReleaseGuardError(code: string, message?: RegExp): R;
    }
  }
}
