import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { digestFile } from '../digest/digest-file';
import { InputError, usageError } from '../errors';
import { archiveKind } from './archive-kind';
import { ExpansionBudget } from './budget';
import { readBuildTree, treeFile, type BuildTree } from './build-tree';
import { findDiffoscope, diffoscopeVersion, runDiffoscope, type DiffoscopeRun } from './diffoscope';
import { explainArchive, summarise, type ExplainContext } from './explain-archive';
import { ArchiveRefusal } from './refusal';
import { firstLinesDiff } from './text-diff';
import {
  DEFAULT_ARCHIVE_LIMITS,
  DIFFOSCOPE_MODES,
  type ArchiveLimits,
  type ComparedArtifact,
  type DiffoscopeMode,
  type ReproDifference,
} from './types';

export interface CompareBuildsOptions {
  first: string;
  second: string;
  maxDepth?: number;
  diffoscope?: DiffoscopeMode;
  diffoscopeTimeoutSeconds?: number;
  env: NodeJS.ProcessEnv;
  /** Parent of the private temp folder (default the OS temp folder). */
  tempDir?: string;
  limits?: Partial<ArchiveLimits>;
}

export interface FileExplanation {
  path: string;
  textDiff: string | null;
  diffoscope: DiffoscopeRun | null;
}

export interface BuildComparison {
  reproducible: boolean;
  artifacts: ComparedArtifact[];
  differences: ReproDifference[];
  /** Archives refused while explaining (hostile, corrupt): the run is exit 2, the verdict stands. */
  unexplained: string[];
  explanations: FileExplanation[];
  diffoscope: { path: string | null; version: string | null };
  maxDepth: number;
  comparedAt: string;
}

function checkOptions(options: CompareBuildsOptions): {
  maxDepth: number;
  mode: DiffoscopeMode;
  timeout: number;
} {
  const maxDepth = options.maxDepth ?? DEFAULT_ARCHIVE_LIMITS.maxDepth;
  if (!Number.isInteger(maxDepth) || maxDepth < 0 || maxDepth > 10)
    throw new InputError('max-depth', `must be a whole number from 0 to 10, got ${maxDepth}`);
  const mode = options.diffoscope ?? 'auto';
  if (!(DIFFOSCOPE_MODES as readonly string[]).includes(mode))
    throw new InputError(
      'diffoscope',
      `must be one of ${DIFFOSCOPE_MODES.join(', ')}, got ${JSON.stringify(mode)}`,
    );
  const timeout = options.diffoscopeTimeoutSeconds ?? 120;
  if (!Number.isFinite(timeout) || timeout <= 0)
    throw new InputError('diffoscope-timeout', `must be a positive number of seconds, got ${timeout}`);
  return { maxDepth, mode, timeout };
}

async function digestOf(tree: BuildTree, relative: string, present: boolean) {
  if (!present) return null;
  return digestFile(treeFile(tree, relative), ['sha256']);
}

/**
 * Compares two builds of one release, file by file (by relative path), on their sha256: the verdict.
 * Then explains every file that differs: archives member by member (bounded, never extracted), text
 * files by their first differing lines, and diffoscope's report where it runs.
 */
export async function compareBuilds(options: CompareBuildsOptions): Promise<BuildComparison> {
  const { maxDepth, mode, timeout } = checkOptions(options);
  const diffoscope = mode === 'never' ? null : findDiffoscope(options.env);
  if (mode === 'always' && diffoscope === null)
    throw usageError(
      '--diffoscope always: diffoscope is not on PATH (Debian: apt-get install --no-install-recommends diffoscope-minimal)',
    );
  const first = await readBuildTree(options.first, 'FIRST');
  const second = await readBuildTree(options.second, 'SECOND');
  if (first.kind !== second.kind)
    throw usageError(
      `FIRST is a ${first.kind} and SECOND a ${second.kind}: compare two files or two folders`,
    );
  const paths = first.kind === 'file' ? first.files : [...new Set([...first.files, ...second.files])].sort();
  const inFirst = new Set(first.files);
  const inSecond = new Set(second.kind === 'file' ? first.files : second.files);
  const limits = { ...DEFAULT_ARCHIVE_LIMITS, ...options.limits, maxDepth };
  const tempDir = await fs.promises.mkdtemp(
    path.join(options.tempDir ?? os.tmpdir(), 'release-guard-repro-'),
  );
  const comparison: BuildComparison = {
    reproducible: true,
    artifacts: [],
    differences: [],
    unexplained: [],
    explanations: [],
    diffoscope: {
      path: diffoscope,
      version: diffoscope === null ? null : await diffoscopeVersion(diffoscope, options.env),
    },
    maxDepth,
    comparedAt: new Date().toISOString(),
  };
  const budgets = { first: new ExpansionBudget(limits), second: new ExpansionBudget(limits) };
  try {
    for (const relative of paths) {
      const a = await digestOf(first, relative, inFirst.has(relative));
      const b = await digestOf(second, relative, inSecond.has(relative));
      comparison.artifacts.push({
        path: relative,
        first: a?.sha256 ?? null,
        second: b?.sha256 ?? null,
        size: { first: a?.size ?? null, second: b?.size ?? null },
      });
      if (a?.sha256 === b?.sha256) continue;
      comparison.reproducible = false;
      if (a === null || b === null) {
        comparison.differences.push(sideDifference(relative, a?.sha256 ?? null, b?.sha256 ?? null));
        continue;
      }
      const ctx: ExplainContext = { path: relative, maxDepth, budgets, tempDir };
      await explainFile(
        ctx,
        comparison,
        [treeFile(first, relative), treeFile(second, relative)],
        { a, b },
        { diffoscope, options, timeout },
      );
    }
  } finally {
    await fs.promises.rm(tempDir, { recursive: true, force: true });
  }
  return comparison;
}

function sideDifference(relative: string, a: string | null, b: string | null): ReproDifference {
  return a === null
    ? { path: relative, member: null, kind: 'extra', first: null, second: b, detail: 'only in SECOND' }
    : { path: relative, member: null, kind: 'missing', first: a, second: null, detail: 'only in FIRST' };
}

async function explainFile(
  ctx: ExplainContext,
  comparison: BuildComparison,
  [firstFile, secondFile]: [string, string],
  digests: { a: { sha256?: string; size: number }; b: { sha256?: string; size: number } },
  tools: { diffoscope: string | null; options: CompareBuildsOptions; timeout: number },
): Promise<void> {
  const { a, b } = digests;
  const sizes = a.size === b.size ? `${a.size} bytes each` : `${a.size} → ${b.size} bytes`;
  const outer: ReproDifference = {
    path: ctx.path,
    member: null,
    kind: 'content',
    first: a.sha256 ?? null,
    second: b.sha256 ?? null,
    detail: `content differs (${sizes})`,
  };
  comparison.differences.push(outer);
  const kind = archiveKind(ctx.path);
  let textDiff: string | null = null;
  if (kind !== null && ctx.maxDepth >= 1) {
    try {
      const inside = await explainArchive(ctx, {
        kind,
        first: firstFile,
        second: secondFile,
        prefix: '',
        depth: 1,
      });
      outer.detail += `; inside: ${summarise(inside) || inside.map((d) => d.detail).join('; ')}`;
      comparison.differences.push(...inside);
    } catch (error) {
      if (!(error instanceof ArchiveRefusal)) throw error;
      outer.detail += `; not explained: ${error.message}`;
      comparison.unexplained.push(error.message);
    }
  } else if (kind === null) {
    textDiff = await firstLinesDiff(firstFile, secondFile, ctx.path);
  }
  const diffoscope =
    tools.diffoscope === null
      ? null
      : await runDiffoscope(tools.diffoscope, firstFile, secondFile, {
          env: tools.options.env,
          timeoutSeconds: tools.timeout,
        });
  if (diffoscope !== null) outer.detail += `; diffoscope: ${diffoscope.status}`;
  comparison.explanations.push({ path: ctx.path, textDiff, diffoscope });
}
