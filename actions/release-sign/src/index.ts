import { runActionEntry } from '@release-guard/core/action/run-entry';
import { releaseSignAction } from '@release-guard/core/sign/action';

// Reads the context, runs core, applies the outcome: the same entry as every release-guard action.
void runActionEntry(releaseSignAction);
