import { runActionEntry } from '@release-guard/core/action/run-entry';
import { workflowIdentityAction } from '@release-guard/core/workflow-identity/action';

// Reads the context, runs core, applies the outcome: the same entry as every release-guard action.
void runActionEntry(workflowIdentityAction);
