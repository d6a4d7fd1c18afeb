/**
 * Characters a reader cannot see, or that would end a code block in a chat message: control
 * characters, format characters (bidirectional overrides such as U+202E, zero-width joiners), line
 * and paragraph separators, spaces other than U+0020, and the backtick.
 */
const SPELLED_OUT = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}`]|(?! )\p{Zs}/u;

/** `$'\xHH…'`: the UTF-8 bytes of `text`, which bash, zsh, ksh and POSIX.1-2024 shells decode. */
function dollarQuote(text: string): string {
  return `$'${[...Buffer.from(text, 'utf8')].map((byte) => `\\x${byte.toString(16).padStart(2, '0')}`).join('')}'`;
}

/**
 * One shell word that the shell hands on as exactly `value`: single-quoted, each `'` written `'\''`,
 * nothing inside expanded. A character that {@link SPELLED_OUT} names is written as `$'\xHH'` between the
 * quoted parts, so the line shows what it runs and survives a copy from a message.
 */
export function shellQuote(value: string): string {
  if (value === '') return "''";
  const words: string[] = [];
  let plain = '';
  let hidden = '';
  const flush = () => {
    if (plain) words.push(`'${plain.replace(/'/g, `'\\''`)}'`);
    if (hidden) words.push(dollarQuote(hidden));
    plain = '';
    hidden = '';
  };
  for (const ch of value) {
    if (SPELLED_OUT.test(ch)) {
      if (plain) flush();
      hidden += ch;
    } else {
      if (hidden) flush();
      plain += ch;
    }
  }
  flush();
  return words.join('');
}
