import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Files written under temporary names and renamed into place together, only by `commit`: a run that
 * fails half way calls `discard` and leaves none of them.
 */
export class StagedWrites {
  private readonly staged: { temp: string; target: string }[] = [];

  /** Writes `content` beside `target` under a temporary name; returns that name. */
  write(target: string, content: string | Buffer): string {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const temp = path.join(
      path.dirname(target),
      `.${path.basename(target)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`,
    );
    fs.writeFileSync(temp, content, { flag: 'wx' });
    this.staged.push({ temp, target });
    return temp;
  }

  commit(): void {
    for (const { temp, target } of this.staged) fs.renameSync(temp, target);
    this.staged.length = 0;
  }

  discard(): void {
    for (const { temp } of this.staged) fs.rmSync(temp, { force: true });
    this.staged.length = 0;
  }
}
