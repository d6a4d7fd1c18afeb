import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Azurite's well-known development account (documented by Microsoft; it guards nothing). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface AzuriteBlobServer {
  /** `http://127.0.0.1:<port>/devstoreaccount1`: the account's blob endpoint, path-style. */
  readonly endpoint: string;
  stop(): Promise<void>;
}

const LISTENING = /successfully listens on (http:\/\/127\.0\.0\.1:\d+)/;

/**
 * Starts Azurite's blob service (the Azure Storage emulator, npm `azurite`) on 127.0.0.1 with a port
 * the OS picks, blobs in memory, telemetry off, and `--skipApiVersionCheck` (the SDK may send an API
 * version newer than Azurite knows). Resolves once it listens; `stop()` ends the process it started.
 */
export async function startAzuriteBlob(timeoutMs = 30_000): Promise<AzuriteBlobServer> {
  const main = require.resolve('azurite/dist/src/blob/main.js');
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-azurite-'));
  const child = spawn(
    process.execPath,
    [
      main,
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      '0',
      '--inMemoryPersistence',
      '--skipApiVersionCheck',
      '--loose',
      '--disableTelemetry',
    ],
    { cwd, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Azurite did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = LISTENING.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited (${String(code)}) before listening:\n${output}`));
    });
  });
  return {
    endpoint: `${origin}/${AZURITE_ACCOUNT}`,
    stop: () => stopChild(child, cwd),
  };
}

async function stopChild(child: ChildProcess, cwd: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
  fs.rmSync(cwd, { recursive: true, force: true });
}
