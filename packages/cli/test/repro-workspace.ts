import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './run-cli';

/** A temp folder to run `release-guard repro` in, with the machine's freeze settings removed. */
export class ReproWorkspace {
  readonly folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-repro-'));
  /** A PATH without diffoscope, so a test means the same whether or not it is installed. */
  readonly noDiffoscope = fs.mkdtempSync(path.join(os.tmpdir(), 'no-diffoscope-'));

  env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    const base: NodeJS.ProcessEnv = { ...process.env, USER: 'oncall', PATH: this.noDiffoscope };
    delete base.RELEASE_FREEZE;
    delete base.RELEASE_GUARD_FREEZE_FILE;
    delete base.GITHUB_ACTOR;
    return { ...base, ...extra };
  }

  cli(args: string[], extra: NodeJS.ProcessEnv = {}, cwd = this.folder) {
    return runCli(['repro', ...args], cwd, this.env(extra));
  }

  async json(args: string[], extra: NodeJS.ProcessEnv = {}, cwd = this.folder) {
    const result = await this.cli([...args, '--format', 'json'], extra, cwd);
    return { ...result, json: JSON.parse(result.stdout) };
  }

  write(relative: string, data: string | Buffer): string {
    const file = path.join(this.folder, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, data);
    return file;
  }

  read(relative: string) {
    return JSON.parse(fs.readFileSync(path.join(this.folder, relative), 'utf8'));
  }

  path(relative: string): string {
    return path.join(this.folder, relative);
  }

  remove(): void {
    fs.rmSync(this.folder, { recursive: true, force: true });
    fs.rmSync(this.noDiffoscope, { recursive: true, force: true });
  }
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
