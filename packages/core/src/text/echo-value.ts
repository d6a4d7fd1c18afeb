/** The most characters of a value a message repeats back. */
export const ECHO_LIMIT = 200;

/** `value` cut to {@link ECHO_LIMIT} characters, saying how many were left off: `abc…(1234 more)`. */
export function clipValue(value: string, limit = ECHO_LIMIT): string {
  const chars = Array.from(value);
  if (chars.length <= limit) return value;
  return `${chars.slice(0, limit).join('')}…(${chars.length - limit} more)`;
}

/** A value a user gave, quoted for a message and cut to {@link ECHO_LIMIT} characters. */
export function echoValue(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const clipped = clipValue(text);
  return typeof value === 'string' ? JSON.stringify(clipped) : clipped;
}
