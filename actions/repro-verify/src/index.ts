import { runActionEntry } from '@release-guard/core/action/run-entry';
import { reproVerifyAction } from '@release-guard/core/repro/action';

// Reads the context, runs core, applies the outcome: the same entry as every release-guard action.
void runActionEntry(reproVerifyAction);
