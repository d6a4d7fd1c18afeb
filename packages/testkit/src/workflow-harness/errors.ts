/** A workflow the harness cannot run as asked (an unregistered action, a malformed file): not a step failure. */
export class WorkflowHarnessError extends Error {
  constructor(message: string) {
    super(`workflow-harness: ${message}`);
    this.name = 'WorkflowHarnessError';
  }
}
