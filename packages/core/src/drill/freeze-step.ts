import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { checkReleaseFreeze } from '../freeze/check';
import { openFreezeStore } from '../freeze/store';
import { changeReleaseFreeze } from '../freeze/write';
import { signRelease } from '../sign/sign-release';
import type { KnownBadFiles } from './known-bad-release';

export interface FreezeStepResult {
  ok: boolean;
  detail: string;
  remedy: string | null;
  /** The scratch freeze file the round trip used. */
  freezeFile: string;
}

/**
 * A freeze on/off round trip on a scratch freeze file in `dir` (never the live one): while it is on,
 * signing the drill artifact must be refused with release_frozen and write nothing; once it is off,
 * the same signing goes through. The key signs nothing but the scratch copy and dies with `dir`.
 * The RELEASE_FREEZE variable is left out: this checks the gate, not the live state.
 */
export async function freezeStep(
  dir: string,
  files: KnownBadFiles,
  actor: string,
  tag: string,
): Promise<FreezeStepResult> {
  const freezeFile = path.join(dir, 'release-freeze.json');
  const artifact = path.join(dir, 'sign', path.basename(files.original));
  fs.mkdirSync(path.dirname(artifact), { recursive: true });
  fs.copyFileSync(files.original, artifact);
  const keyFile = path.join(dir, 'scratch-signing.key');
  const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  fs.writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  const bundle = `${artifact}.sigstore.json`;
  const { store, close } = openFreezeStore({ file: freezeFile, cwd: dir });
  const sign = () =>
    signRelease({
      artifacts: [artifact],
      mode: { kind: 'key', file: keyFile },
      tlog: false,
      legacySignatures: false,
      freeze: { store },
      tag,
      env: {},
    });
  const failed = (detail: string, remedy: string): FreezeStepResult => ({
    ok: false,
    detail,
    remedy,
    freezeFile,
  });
  try {
    await changeReleaseFreeze(store, {
      action: 'on',
      reason: 'release-guard drill: freeze round trip',
      actor,
    });
    if (!(await checkReleaseFreeze({ store })).frozen)
      return failed(
        'the scratch freeze was turned on but does not read as frozen',
        'fix the freeze file writer (freeze on)',
      );
    const refused = await sign();
    if (refused.failure_reason !== 'release_frozen' || fs.existsSync(bundle)) {
      return failed(
        `signing while frozen was NOT refused (${refused.failure_reason ?? 'signed'})`,
        'treat the release freeze as broken: side effects would go through during an incident; fix the gate before relying on it',
      );
    }
    await changeReleaseFreeze(store, {
      action: 'off',
      reason: 'release-guard drill: round trip done',
      actor,
    });
    const allowed = await sign();
    if (allowed.failure_reason !== null || !fs.existsSync(bundle)) {
      return failed(
        `signing after the freeze was lifted failed (${allowed.failure_reason}: ${allowed.error})`,
        'check that freeze off lifts the freeze (the scratch file) and that key signing works',
      );
    }
    return {
      ok: true,
      detail:
        'scratch freeze on: signing refused with release_frozen, nothing written; off: the same signing went through',
      remedy: null,
      freezeFile,
    };
  } catch (error) {
    return failed(
      `the round trip broke: ${(error as Error).message}`,
      'fix the freeze file store; the live freeze was not touched',
    );
  } finally {
    await close();
  }
}
