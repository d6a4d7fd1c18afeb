/**
 * Makes an untrusted value (a tag, a path, a SAN) safe to print on one line: control characters,
 * bidirectional overrides (U+202E) and newlines are shown escaped, so a value can neither forge a
 * line of output nor a `::workflow command::`.
 */
export function safeText(value: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
