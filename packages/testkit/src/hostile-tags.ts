import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Tag names git accepts that break code which treats a tag as anything but data (PITFALLS 19:
 * command substitution, backticks, `;`, `|`, leading dashes, an option, a slash, 300 characters,
 * U+202E), and the quotes and markup that break quoting and message escaping.
 */
export const HOSTILE_TAGS: readonly string[] = [
  'v1$(id)',
  'v1`id`',
  'v1;id',
  'v1|id',
  '-v1',
  '--upload-pack=x',
  'v1/x',
  `v${'9'.repeat(299)}`,
  'v1\u202e3.2',
  "v1'x'",
  'v1"$HOME"',
  'v1```x',
  'v1&amp;<!channel>',
  'v1\\x41',
];

/**
 * Runs `line` as a person pasting it would: `bash -c LINE` with a stand-in for `command` first on PATH
 * that prints its arguments. Returns them as the stand-in received them.
 */
export function argvOfPastedLine(line: string, command = 'gh'): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-argv-'));
  try {
    const stub = path.join(dir, command);
    fs.writeFileSync(stub, '#!/usr/bin/env bash\nprintf \'%s\\0\' "$@"\n', { mode: 0o755 });
    const out = execFileSync('bash', ['-c', line], {
      encoding: 'utf8',
      env: { PATH: `${dir}${path.delimiter}${process.env.PATH ?? ''}`, HOME: dir },
    });
    return out.split('\0').slice(0, -1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
