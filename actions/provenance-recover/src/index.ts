import { runActionEntry } from '@release-guard/core/action/run-entry';
import { provenanceRecoverAction } from '@release-guard/core/recover/action';

// Reads the context, runs core, applies the outcome: the same entry as every release-guard action.
void runActionEntry(provenanceRecoverAction);
