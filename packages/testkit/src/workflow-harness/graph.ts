import { needsOf, type WorkflowSpec } from './model';

/**
 * The jobs in an order where each comes after everything it `needs:` (Kahn's algorithm, ties in file
 * order). Unknown needs and cycles are errors, as GitHub refuses such a workflow.
 */
export function jobOrder(workflow: WorkflowSpec): string[] {
  const ids = Object.keys(workflow.jobs ?? {});
  for (const id of ids) {
    for (const need of needsOf(workflow.jobs[id])) {
      if (!ids.includes(need)) throw new Error(`workflow-harness: job ${id} needs unknown job ${need}`);
    }
  }
  const order: string[] = [];
  const remaining = new Set(ids);
  while (remaining.size > 0) {
    const ready = ids.find(
      (id) => remaining.has(id) && needsOf(workflow.jobs[id]).every((need) => order.includes(need)),
    );
    if (ready === undefined) {
      throw new Error(`workflow-harness: the needs of jobs ${[...remaining].join(', ')} form a cycle`);
    }
    order.push(ready);
    remaining.delete(ready);
  }
  return order;
}

/** Every job `id` depends on, directly or not (what failure() and success() of a job look at). */
export function ancestors(workflow: WorkflowSpec, id: string): string[] {
  const seen = new Set<string>();
  const visit = (job: string) => {
    for (const need of needsOf(workflow.jobs[job])) {
      if (!seen.has(need)) {
        seen.add(need);
        visit(need);
      }
    }
  };
  visit(id);
  return [...seen];
}
