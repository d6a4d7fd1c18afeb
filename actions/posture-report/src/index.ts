import { runActionEntry } from '@release-guard/core/action/run-entry';
import { postureReportAction } from '@release-guard/core/posture/action';

// Reads the context, runs core, applies the outcome: the same entry as every release-guard action.
void runActionEntry(postureReportAction);
