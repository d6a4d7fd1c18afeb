import { redactSecrets } from '../text/redact-secrets';
import { safeText } from '../text/safe-text';
import type { ActionContext } from './context';
import { failureOutcome, type ActionOutcome } from './outcome';
import { actionsRuntime } from './runtime';

/** The part of `@actions/core` an entry uses (see actionsRuntime); tests pass their own. */
export interface ActionRuntime {
  setSecret(secret: string): void;
  setOutput(name: string, value: string): void;
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
  setFailed(message: string): void;
  summary: { addRaw(text: string): { write(): Promise<unknown> } };
}

/** An action as core defines it: how its context is read, and what it does with it. */
export interface ActionDefinition<Context extends Pick<ActionContext, 'secrets'>> {
  read(env: NodeJS.ProcessEnv): Context;
  /** `log` prints a progress line while the action works (escaped and redacted like the rest). */
  run(context: Context, log: (line: string) => void): Promise<ActionOutcome>;
}

/**
 * Applies an outcome: masks, outputs, summary, lines, then the failure and its exit status. Every line
 * is escaped (no value can start a workflow command) and redacted of the known secrets.
 */
export async function applyOutcome(
  runtime: ActionRuntime,
  outcome: ActionOutcome,
  inputSecrets: readonly string[] = [],
): Promise<void> {
  for (const secret of outcome.secrets) runtime.setSecret(secret);
  const secrets = [...inputSecrets, ...outcome.secrets];
  const clean = (text: string) => safeText(redactSecrets(text, secrets));
  for (const [name, value] of Object.entries(outcome.outputs)) runtime.setOutput(name, value);
  if (outcome.summary !== '') await runtime.summary.addRaw(outcome.summary).write();
  for (const line of outcome.log) runtime.info(line.split('\n').map(clean).join('\n'));
  for (const notice of outcome.notices) runtime.notice(clean(notice));
  for (const warning of outcome.warnings) runtime.warning(clean(warning));
  if (outcome.failure) {
    runtime.setFailed(clean(outcome.failure.message));
    process.exitCode = outcome.failure.exitCode;
  }
}

/**
 * Everything an action's entry does: read the context, mask its secret inputs before core runs (core
 * logs while it works), run, apply the outcome. An error anywhere becomes the outcome's failure.
 */
export async function runActionEntry<Context extends Pick<ActionContext, 'secrets'>>(
  action: ActionDefinition<Context>,
  runtime: ActionRuntime = actionsRuntime(),
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  let secrets: string[] = [];
  let outcome: ActionOutcome;
  try {
    const context = action.read(env);
    secrets = context.secrets ?? [];
    for (const secret of secrets) runtime.setSecret(secret);
    outcome = await action.run(context, (line) => runtime.info(safeText(redactSecrets(line, secrets))));
  } catch (error) {
    outcome = failureOutcome(error);
  }
  await applyOutcome(runtime, outcome, secrets);
}
