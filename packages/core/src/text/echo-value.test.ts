import { clipValue, echoValue } from './echo-value';

describe('echoValue', () => {
  it('quotes a short value whole', () => {
    expect(echoValue('v1.2.3')).toBe('"v1.2.3"');
  });
  it('cuts a long value to 200 characters and says how many more there were', () => {
    const long = 'a'.repeat(1234);
    expect(clipValue(long)).toBe(`${'a'.repeat(200)}…(1034 more)`);
    expect(echoValue(long)).toBe(`"${'a'.repeat(200)}…(1034 more)"`);
  });
});
