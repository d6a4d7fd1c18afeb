import { ExpansionBudget, entryCounter } from './budget';
import { DEFAULT_ARCHIVE_LIMITS } from './types';

describe('ExpansionBudget', () => {
  const limits = { ...DEFAULT_ARCHIVE_LIMITS, maxTotalBytes: 1000, ratioFloorBytes: 100, maxRatio: 200 };

  it('refuses once all archives of one side together pass the total limit', () => {
    const budget = new ExpansionBudget(limits);
    budget.archive('a.tgz', 10)(600);
    const second = budget.archive('b.tgz', 10);
    expect(() => second(401)).toThrow('b.tgz: expands to more than 1000 bytes in total (the limit)');
  });

  it('checks the ratio only past the floor, so a tiny tar.gz of an empty tar passes', () => {
    const budget = new ExpansionBudget(limits);
    expect(() => budget.archive('tiny.tgz', 0)(100)).not.toThrow();
    expect(() => budget.archive('bomb.tgz', 0)(201)).toThrow(/expands more than 1:200/);
    expect(() => new ExpansionBudget(limits).archive('ok.tgz', 4)(800)).not.toThrow();
  });

  it('the default total is 8 GiB, the ratio 1:200 and the entries 100,000', () => {
    expect(DEFAULT_ARCHIVE_LIMITS).toMatchObject({
      maxTotalBytes: 8 * 1024 ** 3,
      maxRatio: 200,
      maxEntries: 100_000,
    });
    const count = entryCounter('x.zip', { ...limits, maxEntries: 2 });
    count();
    count();
    expect(count).toThrow('x.zip: holds more than 2 entries (the limit)');
  });
});
