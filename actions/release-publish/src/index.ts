import { runActionEntry } from '@release-guard/core/action/run-entry';
import { releasePublishAction } from '@release-guard/core/publish/action';

// Reads the context, runs core, applies the outcome: the same entry as every release-guard action.
void runActionEntry(releasePublishAction);
