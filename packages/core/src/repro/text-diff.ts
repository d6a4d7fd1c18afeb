import fs from 'node:fs';

/** Bytes of each file read for a text diff, and lines of the diff kept. */
export const TEXT_DIFF_READ_BYTES = 256 * 1024;
export const TEXT_DIFF_MAX_LINES = 40;
const CONTEXT = 3;

async function head(file: string): Promise<Buffer> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(TEXT_DIFF_READ_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function asText(bytes: Buffer): string | null {
  if (bytes.includes(0)) return null;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  // More than a few replacement characters: binary, not text.
  return (text.match(/\uFFFD/g)?.length ?? 0) > 8 ? null : text;
}

/**
 * A unified diff of the first differing lines of two text files (bounded: the first 256 KiB of each,
 * at most 40 lines), or null when either looks binary or nothing differs in what was read.
 */
export async function firstLinesDiff(first: string, second: string, label: string): Promise<string | null> {
  const a = asText(await head(first));
  const b = asText(await head(second));
  if (a === null || b === null) return null;
  const left = a.split('\n');
  const right = b.split('\n');
  let at = 0;
  while (at < left.length && at < right.length && left[at] === right[at]) at++;
  if (at === left.length && at === right.length) return null;
  // Resynchronise on the first common tail, else show the rest of both (cut below).
  let endA = left.length;
  let endB = right.length;
  while (endA > at && endB > at && left[endA - 1] === right[endB - 1]) {
    endA--;
    endB--;
  }
  const start = Math.max(0, at - CONTEXT);
  const lines = [
    `--- FIRST/${label}`,
    `+++ SECOND/${label}`,
    `@@ -${start + 1},${endA - start} +${start + 1},${endB - start} @@`,
    ...left.slice(start, at).map((line) => ` ${line}`),
    ...left.slice(at, endA).map((line) => `-${line}`),
    ...right.slice(at, endB).map((line) => `+${line}`),
  ];
  const kept = lines.slice(0, TEXT_DIFF_MAX_LINES).map((line) => line.slice(0, 400));
  const cut = lines.length > TEXT_DIFF_MAX_LINES ? `… (diff cut at ${TEXT_DIFF_MAX_LINES} lines)\n` : '';
  return `${kept.join('\n')}\n${cut}`;
}
