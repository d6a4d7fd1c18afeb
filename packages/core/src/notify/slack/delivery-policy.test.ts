import { DEFAULT_DELIVERY_POLICY, isRetriedStatus, parseRetryAfter, retryWaitMs } from './delivery-policy';

const policy = { ...DEFAULT_DELIVERY_POLICY, attempts: 3, backoffBaseMs: 100, maxTotalWaitMs: 1000 };

describe('Slack delivery policy', () => {
  it('retries only 429 and 5xx', () => {
    expect([429, 500, 502, 503, 599].every(isRetriedStatus)).toBe(true);
    expect([200, 400, 401, 403, 404, 408, 410, 422].some(isRetriedStatus)).toBe(false);
  });

  it('treats 400, 403, 404 and 410 as permanent: no second try', () => {
    for (const status of [400, 403, 404, 410])
      expect(retryWaitMs(policy, 1, status, undefined, 0)).toBeUndefined();
  });

  it('backs off exponentially after a 5xx, and stops after the last attempt', () => {
    expect(retryWaitMs(policy, 1, 500, undefined, 0)).toBe(100);
    expect(retryWaitMs(policy, 2, 503, undefined, 100)).toBe(200);
    expect(retryWaitMs(policy, 3, 500, undefined, 300)).toBeUndefined();
  });

  it('honours Retry-After, and gives up when it would pass the wait budget', () => {
    expect(retryWaitMs(policy, 1, 429, 700, 0)).toBe(700);
    expect(retryWaitMs(policy, 1, 429, 700, 400)).toBeUndefined();
    expect(retryWaitMs(policy, 1, 429, undefined, 0)).toBe(100);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('0.5', now)).toBe(500);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:03 GMT', now)).toBe(3000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
