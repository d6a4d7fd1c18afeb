import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { DEFAULT_POLICY_YAML } from '@release-guard/core/evidence/policy';
import { renderEvidenceText } from '@release-guard/core/evidence/render';
import { runEvidence, type EvidenceOutcome } from '@release-guard/core/evidence/run-evidence';
import { checkReleaseFreeze } from '@release-guard/core/freeze/check';
import { freezeFilePath, openFreezeStore } from '@release-guard/core/freeze/store';
import cliPackage from '../../package.json';
import type { CliContext } from '../context';
import { collect, parseFormat, type OutputFormat } from './output';

interface EvidenceFlags {
  tag?: string;
  workspace?: string;
  policy?: string;
  junit: string[];
  coverage?: string;
  sbom: string[];
  vulns: string[];
  kev?: string;
  epss?: string;
  image: string[];
  artifact: string[];
  policyLog: string[];
  provenanceReport?: string;
  signatures?: string;
  outDir?: string;
  allowWarn?: boolean;
  freezeFile?: string;
  printPolicy?: boolean;
  format: OutputFormat;
}

export function registerEvidence(program: Command, ctx: CliContext): void {
  program
    .command('evidence')
    .description(
      "Collect the release's evidence (tests, coverage, SBOMs, vulnerability reports, image digests, policy logs, " +
        'the verify report, signatures), judge it by the policy, leave out every file that holds a secret, and write ' +
        'evidence-<tag>.tar.gz and evidence/manifests/<tag>.yaml. Exit 0: pass; 1: fail, or warn without --allow-warn; 2: unusable input.',
    )
    .option('--tag <tag>', 'the release tag (required unless --print-policy)')
    .option('--workspace <dir>', 'the folder every path and glob resolves in (default: the current folder)')
    .option('--policy <file>', 'the evidence policy YAML (default: the built-in policy, see --print-policy)')
    .option('--junit <glob>', 'JUnit XML report(s) (repeatable)', collect, [])
    .option(
      '--coverage <file>',
      'coverage-summary.json, lcov.info, Cobertura XML or an Istanbul text-summary',
    )
    .option('--sbom <file>', 'CycloneDX (JSON or XML) or SPDX 2.3 JSON SBOM (repeatable)', collect, [])
    .option('--vulns <file>', 'Grype, Trivy, OSV-Scanner or CycloneDX (VEX) JSON (repeatable)', collect, [])
    .option('--kev <file>', 'the CISA KEV catalog, known_exploited_vulnerabilities.json')
    .option('--epss <file>', 'the EPSS scores CSV (cve,epss,percentile)')
    .option('--image <ref>', 'an image digest NAME@sha256:HEX (repeatable)', collect, [])
    .option(
      '--artifact <file>',
      "a release file (repeatable): each SBOM's subject must be one of them, by sha256 or name and version",
      collect,
      [],
    )
    .option(
      '--policy-log <file>',
      'a policy log (conftest/OPA JSON or text), archived as it is (repeatable)',
      collect,
      [],
    )
    .option('--provenance-report <file>', 'the JSON report of release-guard verify --format json')
    .option('--signatures <dir>', 'a folder of release-sign bundles, archived')
    .option('--out-dir <dir>', 'where to write the bundle and evidence/manifests/ (default: the workspace)')
    .option('--allow-warn', 'exit 0 when the result is warn')
    .option('--freeze-file <file>', 'the release freeze file, to report whether the release is frozen')
    .option('--print-policy', 'print the default policy and exit')
    .addOption(new Option('--format <format>', 'text or json').default('text').argParser(parseFormat))
    .action((flags: EvidenceFlags) => runEvidenceCommand(ctx, flags));
}

async function frozen(ctx: CliContext, flags: EvidenceFlags, tag: string): Promise<boolean | null> {
  if (flags.freezeFile === undefined) return null;
  const { store, close } = openFreezeStore({
    file: freezeFilePath(flags.freezeFile, ctx.env),
    cwd: ctx.cwd,
    env: ctx.env,
    pathFlag: '--freeze-file',
  });
  try {
    return (await checkReleaseFreeze({ store, variable: ctx.env.RELEASE_FREEZE, tag })).frozen;
  } finally {
    await close();
  }
}

function exitCode(outcome: EvidenceOutcome, allowWarn: boolean): number {
  const { result } = outcome.manifest;
  if (result === 'pass' || (result === 'warn' && allowWarn)) return 0;
  return 1;
}

async function runEvidenceCommand(ctx: CliContext, flags: EvidenceFlags): Promise<void> {
  if (flags.printPolicy) {
    ctx.stdout(DEFAULT_POLICY_YAML);
    ctx.exitCode = 0;
    return;
  }
  if (!flags.tag) {
    ctx.stderr('release-guard: usage_error: --tag is required\n');
    ctx.exitCode = 2;
    return;
  }
  const outcome = await runEvidence({
    tag: flags.tag,
    workspace: resolve(ctx.cwd, flags.workspace ?? '.'),
    outDir: flags.outDir,
    policy: flags.policy,
    junit: flags.junit,
    coverage: flags.coverage,
    sbom: flags.sbom,
    vulns: flags.vulns,
    kev: flags.kev,
    epss: flags.epss,
    images: flags.image,
    artifacts: flags.artifact,
    policyLogs: flags.policyLog,
    provenanceReport: flags.provenanceReport,
    signatures: flags.signatures,
    toolVersion: cliPackage.version,
    env: ctx.env,
  });
  const isFrozen = await frozen(ctx, flags, flags.tag);
  const code = outcome.manifest.result === 'pass' ? null : `evidence_${outcome.manifest.result}`;
  if (flags.format === 'json') {
    const report = {
      ...outcome.manifest,
      code,
      bundle_path: outcome.bundlePath,
      manifest_path: outcome.manifestPath,
      frozen: isFrozen,
    };
    ctx.stdout(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    ctx.stdout(renderEvidenceText(outcome));
    if (isFrozen)
      ctx.stdout('release frozen: the evidence is written here; nothing is attached or uploaded.\n');
  }
  ctx.exitCode = exitCode(outcome, flags.allowWarn === true);
}
