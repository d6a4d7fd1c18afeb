import { runActionEntry } from '@release-guard/core/action/run-entry';
import { releaseFreezeAction } from '@release-guard/core/freeze/action';

// Reads the context, runs core, applies the outcome: the same entry as every release-guard action.
void runActionEntry(releaseFreezeAction);
