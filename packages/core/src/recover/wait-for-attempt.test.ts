import { pollDelayMs } from './wait-for-attempt';

describe('pollDelayMs', () => {
  it('grows the wait by half each poll, up to 8 times the interval', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((polls) => pollDelayMs(1000, polls))).toEqual([
      1000, 1500, 2250, 3375, 5062.5, 7593.75, 8000, 8000,
    ]);
  });
});
