import { runActionEntry } from '@release-guard/core/action/run-entry';
import { evidenceArchiveAction } from '@release-guard/core/evidence/action';

// Reads the context, runs core, applies the outcome: the same entry as every release-guard action.
void runActionEntry(evidenceArchiveAction);
