import { MAX_TAG_FILE_NAME, tagFileName } from './tag-file-name';

describe('tagFileName', () => {
  it('keeps an ordinary tag as it is', () => {
    expect(tagFileName('v1.2.3')).toBe('v1.2.3');
    expect(tagFileName('release-2026_12.rc1')).toBe('release-2026_12.rc1');
  });

  it.each([
    ['v1$(id)', 'v1%24%28id%29'],
    ['v1`id`', 'v1%60id%60'],
    ['v1;rm -rf x', 'v1%3Brm%20-rf%20x'],
    ['v1|x', 'v1%7Cx'],
    ['v1/x', 'v1%2Fx'],
    ['../x', '..%2Fx'],
    ['..', '%2E%2E'],
    ['.', '%2E'],
    ['--upload-pack=x', '--upload-pack%3Dx'],
    ['v1\u202egpj', 'v1%E2%80%AEgpj'],
  ])('makes the hostile tag %j a plain name (%s)', (tag, name) => {
    expect(tagFileName(tag)).toBe(name);
    expect(tagFileName(tag)).toMatch(/^[A-Za-z0-9._%~-]+$/);
    expect(decodeURIComponent(tagFileName(tag))).toBe(tag);
  });

  it('bounds a 300-character tag and keeps two long tags apart', () => {
    const a = tagFileName(`v${'1'.repeat(299)}`);
    const b = tagFileName(`v${'1'.repeat(298)}2`);
    expect(a.length).toBeLessThanOrEqual(MAX_TAG_FILE_NAME);
    expect(a).toMatch(/~[0-9a-f]{16}$/);
    expect(a).not.toBe(b);
  });

  it('never cuts inside an escape', () => {
    const name = tagFileName('€'.repeat(100));
    expect(name.length).toBeLessThanOrEqual(MAX_TAG_FILE_NAME);
    expect(name.split('~')[0]).toMatch(/^(%[0-9A-F]{2})+$/);
  });
});
