export { runWorkflow } from './harness';
export type { WorkflowRunOptions } from './run-state';
export type { JobResult, JobRun, StepResult, WorkflowResult } from './model';
export { jobOrder } from './graph';
export { expandMatrix } from './matrix';
export { WorkflowHarnessError } from './errors';
export { startOidcServer, signJwt, type OidcServer, type OidcServerOptions, type OidcGrantor } from './oidc';
export type { StandIn, StandInContext, StandInResult } from './stand-ins/types';
export { evaluateExpression, evaluateCondition, interpolate, ExpressionError } from './expressions';
