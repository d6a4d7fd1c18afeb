import { argvOfPastedLine, HOSTILE_TAGS } from '@release-guard/testkit';
import { shellQuote } from './shell-quote';

describe('shellQuote', () => {
  it.each(HOSTILE_TAGS.map((tag) => [JSON.stringify(tag).slice(0, 40), tag]))(
    'bash receives %s exactly',
    (_name, tag) => {
      expect(argvOfPastedLine(`gh ${shellQuote(tag)} tag=${shellQuote(tag)}`)).toEqual([tag, `tag=${tag}`]);
    },
  );

  it("single-quotes a value and writes a quote as '\\''", () => {
    expect(shellQuote('v1$(id)')).toBe("'v1$(id)'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('')).toBe("''");
  });

  it("spells out what a reader cannot see and the backtick as $'\\xHH'", () => {
    expect(shellQuote('v1\u202e3.2')).toBe("'v1'$'\\xe2\\x80\\xae''3.2'");
    expect(shellQuote('`id`')).toBe("$'\\x60''id'$'\\x60'");
    expect(shellQuote('a\u00a0b')).toBe("'a'$'\\xc2\\xa0''b'");
    expect(shellQuote('a b')).toBe("'a b'");
  });
});
