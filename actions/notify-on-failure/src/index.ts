import { runActionEntry } from '@release-guard/core/action/run-entry';
import { notifyOnFailureAction } from '@release-guard/core/notify/action';

// Reads the context, runs core, applies the outcome: the same entry as every release-guard action.
void runActionEntry(notifyOnFailureAction);
