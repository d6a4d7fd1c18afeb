import { actionReader, type ActionContext } from '../action/context';
import { emptyOutcome, type ActionOutcome } from '../action/outcome';
import type { ActionDefinition } from '../action/run-entry';
import { InputError } from '../errors';
import { DEFAULT_FREEZE_PATH } from '../freeze/types';
import type { PostureModel } from './model';

/** posture-report's inputs (named as in its action.yml) on the action context. */
export interface PostureReportInputs extends ActionContext {
  freezeFile: string;
  freezeBranch?: string;
  /** A token that may read repository secrets (GITHUB_TOKEN cannot); without it secrets are "not checked". */
  secretsToken?: string;
  maxReleases: number;
  /** Upload posture.html, .md and .json as the workflow artifact `artifactName`. */
  upload: boolean;
  artifactName: string;
}

export const readPostureReportInputs = actionReader<PostureReportInputs>(
  {
    action: 'posture-report',
    tag: 'none',
    runId: 'current',
    secretInputs: ['secrets-token'],
    report: false,
  },
  (input, context, env) => ({
    ...context,
    freezeFile: input.optional('freeze-file') ?? DEFAULT_FREEZE_PATH,
    freezeBranch: input.optional('freeze-branch'),
    secretsToken: input.optional('secrets-token'),
    maxReleases: input.number('max-releases', 20, { min: 1, max: 1000, integer: true }),
    // A re-run is a new attempt: its artifact never meets the 409 of the first one's name.
    upload: input.boolean('upload', true),
    artifactName: input.optional('artifact-name') ?? `posture-${env.GITHUB_RUN_ATTEMPT || '1'}`,
  }),
);

export function checkPostureReportInputs(inputs: PostureReportInputs): void {
  if (!Number.isInteger(inputs.maxReleases) || inputs.maxReleases < 1)
    throw new InputError('max-releases', `must be a whole number from 1, got ${String(inputs.maxReleases)}`);
  if (inputs.freezeFile === '') throw new InputError('freeze-file', 'must name a file');
}

/** `blocked` (what `posture` exits 1 for), `warn` (warnings only) or `ok`. */
export function postureStatus(model: PostureModel): 'blocked' | 'warn' | 'ok' {
  return model.verdict.exit_code === 1 ? 'blocked' : model.warnings.length > 0 ? 'warn' : 'ok';
}

/** Where the page went: the workflow artifact, not asked for (`upload: false`), or why not. */
export type PostureUpload =
  { kind: 'uploaded'; name: string } | { kind: 'off' } | { kind: 'failed'; name: string; problem: string };

export function postureReportOutcome(
  model: PostureModel,
  files: { md: string; json: string; html: string },
  markdown: string,
  upload: PostureUpload = { kind: 'off' },
): ActionOutcome {
  const uploaded =
    upload.kind === 'uploaded'
      ? [
          `posture: uploaded posture.html, posture.md and posture.json as the workflow artifact ${upload.name}`,
        ]
      : [];
  return {
    ...emptyOutcome(),
    outputs: {
      status: postureStatus(model),
      verdict: model.verdict.line,
      'markdown-path': files.md,
      'json-path': files.json,
      'html-path': files.html,
      'artifact-name': upload.kind === 'uploaded' ? upload.name : '',
    },
    summary: markdown,
    log: [model.verdict.line, `posture: wrote ${files.md}, ${files.json}, ${files.html}`, ...uploaded],
    // The posture is in the job summary all the same: a page that could not be uploaded is a warning.
    warnings:
      upload.kind === 'failed'
        ? [
            `posture: the page could not be uploaded as the workflow artifact ${upload.name}: ${upload.problem}`,
          ]
        : [],
  };
}

export const postureReportAction: ActionDefinition<PostureReportInputs> = {
  read: readPostureReportInputs,
  // The work is loaded only once the inputs are read: an entry that fails on its inputs starts fast.
  run: async (inputs) => (await import('./action-run')).runPostureReport(inputs),
};
