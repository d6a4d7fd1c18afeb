import { runActionEntry } from '@release-guard/core/action/run-entry';
import { provenanceValidateAction } from '@release-guard/core/validate/action';

// Reads the context, runs core, applies the outcome: the same entry as every release-guard action.
void runActionEntry(provenanceValidateAction);
