import { safeText } from './safe-text';

describe('safeText', () => {
  it('escapes newlines so a value cannot forge a workflow command', () => {
    expect(safeText('v1\n::set-output name=verified::true')).toBe('v1\\x0a::set-output name=verified::true');
  });

  it('escapes bidirectional overrides', () => {
    expect(safeText('v1\u202e')).toBe('v1\\u202e');
  });

  it('leaves ordinary text alone', () => {
    expect(safeText('v1$(id) `x` ; | --upload-pack=x')).toBe('v1$(id) `x` ; | --upload-pack=x');
  });
});
