import { runActionEntry } from '@release-guard/core/action/run-entry';
import { manifestRecordAction } from '@release-guard/core/manifest/record-action';

// Reads the context, runs core, applies the outcome: the same entry as every release-guard action.
void runActionEntry(manifestRecordAction);
