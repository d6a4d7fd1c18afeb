// Writes the known-bad release that `release-guard drill` runs through the real path:
// packages/core/src/drill/drill-release.json. A P-256 key is made for the purpose in memory, signs
// the provenance (a Sigstore bundle over a DSSE envelope, no log entry) and is dropped: only its public
// key is written, so nobody can sign anything else with it. Run once:
//   node scripts/run-ts.mjs scripts/make-drill-release.ts
import fs from 'node:fs';
import path from 'node:path';
import { generateSigningKey, keySignProvenance, slsaV1Statement, subjectFor } from '@release-guard/testkit';

const ARTIFACT_NAME = 'release-guard-drill.tgz';
const ARTIFACT_CONTENT = 'release-guard drill artifact: the bytes the provenance was signed for\n';
const RUN = {
  repository: 'release-guard/drill',
  ref: 'refs/tags/v0.0.0-drill',
  commit: '0d7111d7111d7111d7111d7111d7111d7111d711',
  workflowPath: '.github/workflows/release.yml',
};

async function main(): Promise<void> {
  const key = generateSigningKey('p256');
  const statement = slsaV1Statement({ ...RUN, subjects: [subjectFor(ARTIFACT_NAME, ARTIFACT_CONTENT)] });
  const bundle = await keySignProvenance({ key, statement });
  const release = {
    about:
      'The known-bad release of `release-guard drill`, made by scripts/make-drill-release.ts. The key that signed it ' +
      'was made for the purpose and thrown away; its public key is below. The drill alters the artifact, so ' +
      'verification must fail with digest_mismatch.',
    artifact: { name: ARTIFACT_NAME, content: ARTIFACT_CONTENT },
    source_repo: RUN.repository,
    tag: 'v0.0.0-drill',
    builder_id: statement.predicate.runDetails.builder.id,
    public_key: key.publicKeyPem,
    provenance: bundle,
  };
  const out = path.resolve(__dirname, '../packages/core/src/drill/drill-release.json');
  fs.writeFileSync(out, `${JSON.stringify(release, null, 2)}\n`);
  process.stderr.write(`wrote ${out}\n`);
}

void main();
