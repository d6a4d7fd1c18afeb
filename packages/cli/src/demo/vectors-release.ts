import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderVerifyText } from '@release-guard/core/report/verify-text';
import { type VerifyOptions } from '@release-guard/core/verify/options';
import { verifyProvenance } from '@release-guard/core/verify/verify-provenance';
import { skipStage, type DemoStage } from './stage';

const GENERATOR =
  'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml';

/** Copies `file` into `dir` with one byte flipped: the same release, tampered with after the build. */
function tamperedCopy(file: string, dir: string): string {
  const target = path.join(dir, path.basename(file));
  fs.copyFileSync(file, target);
  const fd = fs.openSync(target, 'r+');
  try {
    const byte = Buffer.alloc(1);
    fs.readSync(fd, byte, 0, 1, 1000);
    byte[0] ^= 0xff;
    fs.writeSync(fd, byte, 0, 1, 1000);
  } finally {
    fs.closeSync(fd);
  }
  return target;
}

/**
 * A real third-party release (slsa-framework/example-package v14, built by the SLSA generic generator
 * and logged in Rekor) verified offline: once as published, once with a tampered artifact.
 */
export function vectorsReleaseStage(vectorsDir: string): DemoStage {
  return {
    title: 'Verify a real release (slsa-framework/example-package v14) offline, then a tampered copy',
    name: 'verify',
    shows: 'a real release passes offline; a tampered copy fails digest_mismatch',
    run: async (log) => {
      const base = path.join(vectorsDir, 'slsa-verifier/gha_generic/v2.1.0');
      const artifact = path.join(base, 'binary-linux-amd64');
      if (!fs.existsSync(artifact)) {
        return skipStage(
          `the third-party vectors are not at ${vectorsDir} (give --vectors-dir DIR or set RG_VECTORS_DIR)`,
        );
      }
      const options: VerifyOptions = {
        provenance: path.join(base, 'binary-linux-amd64-push-v14.intoto.jsonl'),
        artifacts: [artifact],
        sourceRepo: 'slsa-framework/example-package',
        tag: 'v14',
        commit: '4d329c75e7ec1725f7c9ce917a8799d408d06be3',
        builderIds: [GENERATOR],
        allowSlsaV02: true,
        identity: { certIdentity: `${GENERATOR}@refs/tags/v2.1.0` },
        skipSignature: false,
      };
      const good = await verifyProvenance(options);
      log(renderVerifyText(good));
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-guard-demo-'));
      try {
        const bad = await verifyProvenance({ ...options, artifacts: [tamperedCopy(artifact, dir)] });
        log(renderVerifyText(bad));
        const ok = good.verified && !bad.verified && bad.failure_reason === 'digest_mismatch';
        log(
          ok
            ? 'expected: the genuine release passes, the tampered one fails with digest_mismatch'
            : 'UNEXPECTED verdicts',
        );
        return ok;
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
