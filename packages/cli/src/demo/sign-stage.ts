import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openFreezeStore } from '@release-guard/core/freeze/store';
import { signRelease } from '@release-guard/core/sign/sign-release';
import { verifyChecksums, type ChecksumsReport } from '@release-guard/core/verify/verify-checksums';
import { startSigstoreServer } from '@release-guard/testkit';
import type { DemoStage } from './stage';

const FILES: Record<string, string> = {
  'widgets-2.0.0.tgz': 'widgets 2.0.0 release archive\n',
  'widgets-2.0.0.zip': 'widgets 2.0.0 zip\n',
  'widgets-2.0.0.sbom.json': '{"sbom":true}\n',
};

function verdict(report: ChecksumsReport): string {
  const sums = report.checksums;
  if (report.verified) return `PASS (${sums?.verified.length ?? 0} files match the signed checksums)`;
  const bad = sums?.mismatched.map((m) => m.name).join(', ') ?? '';
  return `FAIL (${report.failure_reason}): ${bad || (report.error ?? '')}`;
}

/**
 * release-sign end to end: a key made on the spot signs the sample release (one bundle per file and a
 * signed SHA256SUMS, logged in the loopback Rekor); the download directory verifies against the
 * signed checksums; then one file is tampered with and caught by name.
 */
export function signStage(): DemoStage {
  return {
    title: 'release-sign: sign the release with a key, verify the download, catch a tampered file',
    run: async (log) => {
      const sigstore = await startSigstoreServer();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-guard-demo-sign-'));
      const { store, close } = openFreezeStore({ file: path.join(dir, 'freeze.json'), cwd: dir, env: {} });
      try {
        const download = path.join(dir, 'download');
        fs.mkdirSync(download);
        for (const [name, content] of Object.entries(FILES))
          fs.writeFileSync(path.join(download, name), content);
        const pair = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
        const key = path.join(dir, 'release.key');
        const pub = path.join(dir, 'release.pub');
        fs.writeFileSync(key, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
        fs.writeFileSync(pub, pair.publicKey.export({ type: 'spki', format: 'pem' }));
        const root = path.join(dir, 'trusted_root.json');
        fs.writeFileSync(root, JSON.stringify(sigstore.trustedRoot));
        const checksums = path.join(download, 'SHA256SUMS');
        const signed = await signRelease({
          artifacts: [],
          artifactsDir: download,
          mode: { kind: 'key', file: key },
          rekorURL: sigstore.rekorURL,
          tlog: true,
          checksums,
          legacySignatures: false,
          freeze: { store },
          env: {},
        });
        for (const file of signed.signed) {
          log(
            `signed ${path.basename(file.path)} -> ${path.basename(file.bundle)} (key, Rekor log index ${signed.tlog_entries.find((e) => e.path === file.path)?.log_index ?? '-'})`,
          );
        }
        const verify = () =>
          verifyChecksums({
            checksums,
            bundle: `${checksums}.sigstore.json`,
            artifactsDir: download,
            key: pub,
            trustedRoot: root,
            identity: {},
            strict: true,
            failFast: false,
          });
        const genuine = await verify();
        log(
          `verify-signature --checksums SHA256SUMS --artifacts-dir download --key release.pub: ${verdict(genuine)}`,
        );
        fs.appendFileSync(path.join(download, 'widgets-2.0.0.zip'), 'backdoor');
        const tampered = await verify();
        log(`after tampering with widgets-2.0.0.zip: ${verdict(tampered)}`);
        const ok =
          signed.failure_reason === null &&
          genuine.verified &&
          tampered.failure_reason === 'digest_mismatch' &&
          tampered.checksums?.mismatched.map((m) => m.name).join() === 'widgets-2.0.0.zip';
        log(
          ok
            ? 'expected: the signed download passes; the tampered file is caught by name'
            : 'UNEXPECTED verdicts',
        );
        return ok;
      } finally {
        await close();
        fs.rmSync(dir, { recursive: true, force: true });
        await sigstore.close();
      }
    },
  };
}
