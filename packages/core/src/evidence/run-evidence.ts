import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import secretlintPackage from '@secretlint/core/package.json';
import { writeFileAtomic } from '../report/write-file-atomic';
import { tagFileName } from '../text/tag-file-name';
import { deterministicTarGz } from './bundle';
import { digestFile } from '../digest/digest-file';
import { collectEvidence, resolveEvidenceFiles, type CollectedFile, type CollectRequest } from './collect';
import {
  renderEvidenceYaml,
  EVIDENCE_SCHEMA_VERSION,
  type EvidenceDocument,
  type EvidenceManifest,
} from './document';
import { evaluateEvidence, type ReleaseFile } from './evaluate';
import { overallResult } from './evaluation';
import { parseImageDigest } from './image-digest';
import { parseEvidence } from './parse-evidence';
import { loadDefaultPolicy, parsePolicy, type EvidencePolicy } from './policy';
import { releaseStamp } from './release-time';
import { findSecrets, type SecretFinding } from './secrets';

/** What to collect for one release, as the CLI flags (and the action's inputs) give it. */
export interface EvidenceOptions {
  tag: string;
  workspace: string;
  outDir?: string;
  policy?: string;
  junit?: string[];
  coverage?: string;
  sbom?: string[];
  vulns?: string[];
  kev?: string;
  epss?: string;
  images?: string[];
  /** The release's files: an SBOM's subject must match one of them. */
  artifacts?: string[];
  policyLogs?: string[];
  provenanceReport?: string;
  signatures?: string;
  /** Version of release-guard itself, recorded under `tools`. */
  toolVersion: string;
  env: NodeJS.ProcessEnv;
}

export interface EvidenceOutcome {
  manifest: EvidenceManifest;
  bundlePath: string;
  manifestPath: string;
}

function requests(options: EvidenceOptions): CollectRequest[] {
  const one = (value: string | undefined) => (value === undefined ? [] : [value]);
  return [
    { kind: 'policy', field: 'policy', patterns: one(options.policy) },
    { kind: 'junit', field: 'junit', patterns: options.junit ?? [] },
    { kind: 'coverage', field: 'coverage', patterns: one(options.coverage) },
    { kind: 'sbom', field: 'sbom', patterns: options.sbom ?? [] },
    { kind: 'vulnerabilities', field: 'vulns', patterns: options.vulns ?? [] },
    { kind: 'kev', field: 'kev', patterns: one(options.kev) },
    { kind: 'epss', field: 'epss', patterns: one(options.epss) },
    { kind: 'policy-log', field: 'policy-log', patterns: options.policyLogs ?? [] },
    { kind: 'provenance-report', field: 'provenance-report', patterns: one(options.provenanceReport) },
    { kind: 'signature', field: 'signatures', patterns: one(options.signatures).map((dir) => `${dir}/**`) },
  ];
}

/** The policy file, read as collected: inside the workspace like every other input. */
function loadPolicy(collected: CollectedFile[]): EvidencePolicy {
  const file = collected.find((item) => item.kind === 'policy');
  return file ? parsePolicy(file.content.toString('utf8'), file.path) : loadDefaultPolicy();
}

function leftOutKinds(collected: CollectedFile[], dirty: Set<string>): Set<string> {
  return new Set(collected.filter((file) => dirty.has(file.path)).map((file) => file.kind));
}

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

async function scan(files: CollectedFile[]): Promise<SecretFinding[]> {
  const found: SecretFinding[] = [];
  for (const file of files) found.push(...(await findSecrets(file.path, file.content.toString('utf8'))));
  return found;
}

/** The `--artifact` files, hashed (streamed): the SBOMs' subjects are matched against them; null when none. */
async function releaseFiles(options: EvidenceOptions): Promise<ReleaseFile[] | null> {
  if (!options.artifacts || options.artifacts.length === 0) return null;
  const files: ReleaseFile[] = [];
  for (const [path, real] of await resolveEvidenceFiles(options.workspace, options.artifacts, 'artifact')) {
    files.push({ path, sha256: (await digestFile(real, ['sha256'])).sha256 as string });
  }
  return files;
}

/**
 * Collects the release's evidence, scans every file for secrets before anything is written, parses
 * and judges what is clean, and writes `evidence-<tag>.tar.gz` and `evidence/manifests/<tag>.yaml`
 * under the output folder (each whole or not at all). Unusable input throws before any write.
 */
export async function runEvidence(options: EvidenceOptions): Promise<EvidenceOutcome> {
  const images = (options.images ?? []).map(parseImageDigest);
  const collected = await collectEvidence(options.workspace, requests(options));
  const artifacts = await releaseFiles(options);
  const policy = loadPolicy(collected);
  const secrets = await scan(collected);
  const dirty = new Set(secrets.map((finding) => finding.path));
  const clean = collected.filter((file) => !dirty.has(file.path)).sort((a, b) => (a.path < b.path ? -1 : 1));
  const evaluations = evaluateEvidence(
    policy,
    parseEvidence(clean, secrets, leftOutKinds(collected, dirty), artifacts),
  );
  const stamp = await releaseStamp(options.workspace, options.env);
  const document: EvidenceDocument = {
    schema_version: EVIDENCE_SCHEMA_VERSION,
    tag: options.tag,
    commit: stamp.commit,
    time: stamp.time.toISOString(),
    tools: { 'release-guard': options.toolVersion, secretlint: secretlintPackage.version },
    images,
    items: clean.map((file) => ({
      kind: file.kind,
      path: file.path,
      sha256: sha256(file.content),
      size: file.content.length,
    })),
    evaluations,
    redactions: secrets.map((finding) => ({ ...finding, action: 'left_out' as const })),
    result: overallResult(evaluations),
  };
  const bundle = await deterministicTarGz(
    [
      { name: 'evidence.yaml', content: Buffer.from(renderEvidenceYaml(document)) },
      ...clean.map((file) => ({ name: `items/${file.path}`, content: file.content })),
    ],
    stamp.time,
  );
  const manifest: EvidenceManifest = { ...document, bundle_sha256: sha256(bundle) };
  const outDir = resolve(options.workspace, options.outDir ?? '.');
  const name = tagFileName(options.tag);
  const bundlePath = join(outDir, `evidence-${name}.tar.gz`);
  const manifestPath = join(outDir, 'evidence', 'manifests', `${name}.yaml`);
  await writeFileAtomic(bundlePath, bundle);
  await writeFileAtomic(manifestPath, renderEvidenceYaml(manifest));
  return { manifest, bundlePath, manifestPath };
}
