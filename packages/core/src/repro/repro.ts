import path from 'node:path';
import { InputError } from '../errors';
import { changeReleaseFreeze } from '../freeze/write';
import type { ManifestStore } from '../manifest/store';
import { writeFileAtomic } from '../report/write-file-atomic';
import { tagFileName } from '../text/tag-file-name';
import { reproStatement } from './attestation';
import { compareBuilds, type BuildComparison, type CompareBuildsOptions } from './compare-builds';
import { reproTools } from './tools';
import type { ReproDifference } from './types';

/** Where the attestation goes unless told: `artifacts/repro/attestations/<tag>.json`. */
export function defaultAttestationPath(tag: string): string {
  return `artifacts/repro/attestations/${tagFileName(tag)}.json`;
}

/** The freeze store to set on a mismatch, or why this run cannot set one. */
export type ReproFreezeTarget = { store: ManifestStore; actor: string } | { skipped: string };

export interface ReproOptions extends CompareBuildsOptions {
  tag?: string;
  /** The attestation's path, relative to `cwd` unless absolute. */
  attestationPath?: string;
  cwd: string;
  freeze: ReproFreezeTarget;
}

/** The report, in the JSON shape of the CLI and the action. */
export interface ReproReport {
  reproducible: boolean;
  failure_reason: null | 'repro_mismatch';
  compared: number;
  differences: ReproDifference[];
  attestation: string;
  frozen: boolean;
}

export interface ReproRun {
  report: ReproReport;
  comparison: BuildComparison;
  /** What happened to the freeze, in a sentence. */
  freezeNote: string;
  /** 0 identical, 1 mismatch, 2 a mismatch whose archives could not be explained. */
  exitCode: 0 | 1 | 2;
}

/**
 * Compares the two builds, writes the attestation (identical or not, atomically), and on a mismatch
 * sets the release freeze where it can. An identical result never lifts a freeze.
 */
export async function reproVerify(options: ReproOptions): Promise<ReproRun> {
  if ((options.tag === undefined || options.tag.trim() === '') && options.attestationPath === undefined)
    throw new InputError('tag', 'is required unless --attestation names the attestation file');
  const attestation = options.attestationPath ?? defaultAttestationPath(options.tag as string);
  const comparison = await compareBuilds(options);
  const statement = reproStatement({
    tag: options.tag ?? null,
    reproducible: comparison.reproducible,
    artifacts: comparison.artifacts,
    differences: comparison.differences,
    unexplained: comparison.unexplained,
    maxDepth: comparison.maxDepth,
    tools: reproTools(comparison.diffoscope.version),
    comparedAt: comparison.comparedAt,
  });
  await writeFileAtomic(path.resolve(options.cwd, attestation), `${JSON.stringify(statement, null, 2)}\n`);
  const differing = comparison.artifacts.filter((artifact) => artifact.first !== artifact.second).length;
  let frozen = false;
  let freezeNote = comparison.reproducible ? 'identical: the freeze is left as it is' : '';
  if (!comparison.reproducible) {
    if ('skipped' in options.freeze) {
      freezeNote = `the release freeze was NOT set: ${options.freeze.skipped}`;
    } else {
      const name = options.tag ?? path.basename(options.first);
      await changeReleaseFreeze(options.freeze.store, {
        action: 'on',
        reason: `repro mismatch for ${name}: ${differing} file${differing === 1 ? ' differs' : 's differ'}`,
        incident: attestation,
        actor: options.freeze.actor,
      });
      frozen = true;
      freezeNote = `release freeze set in ${options.freeze.store.location}`;
    }
  }
  return {
    report: {
      reproducible: comparison.reproducible,
      failure_reason: comparison.reproducible ? null : 'repro_mismatch',
      compared: comparison.artifacts.length,
      differences: comparison.differences,
      attestation,
      frozen,
    },
    comparison,
    freezeNote,
    exitCode: comparison.reproducible ? 0 : comparison.unexplained.length > 0 ? 2 : 1,
  };
}
