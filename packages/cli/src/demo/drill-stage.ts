import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runDrill } from '@release-guard/core/drill/drill';
import { FileManifestStore } from '@release-guard/core/manifest/file-store';
import { startSlackReceiver } from '@release-guard/testkit';
import type { DemoStage } from './stage';

/**
 * `release-guard drill` on this machine: the known-bad release shipped in core through verify
 * (--key --no-tlog), the alert to a local Slack, the check of what Slack received, and the freeze
 * round trip on a scratch freeze file; recorded in a demo manifest.
 */
export function drillStage(): DemoStage {
  return {
    title: 'drill: the known-bad release through verify, the alert, the redaction check and a scratch freeze',
    shows: 'known-bad release: digest_mismatch, alert delivered redacted, freeze refuses',
    run: async (log) => {
      const slack = await startSlackReceiver();
      const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'release-guard-demo-drill-'));
      try {
        const result = await runDrill({
          store: new FileManifestStore(path.join(workspace, 'docs/reports/manifest.json')),
          runId: '31415',
          actor: 'release-guard-demo',
          repository: null,
          serverUrl: 'https://github.com',
          alert: { slackWebhookUrl: slack.webhookUrl },
          secrets: [slack.webhookUrl],
          tempDir: workspace,
        });
        for (const step of result.steps) log(`${step.name}: ${step.outcome}: ${step.detail}`);
        const sent = slack.requestsTo('webhook').map((request) => request.raw);
        const redacted = sent.length === 1 && sent[0].includes('?token=***');
        log(
          `Slack received ${sent.length} message(s); the planted token reads ${redacted ? '***' : 'IN CLEAR'}`,
        );
        const entry = result.manifest.entry;
        log(
          `manifest: ${result.tag} run ${result.run_id}, governance_flag ${entry?.governance_flag}, status ${entry?.status}`,
        );
        const ok = result.status === 'pass' && redacted && entry?.governance_flag === 'drill';
        log(
          ok
            ? `expected: drill pass — the altered artifact fails with digest_mismatch, Slack got the alert without the planted token, the scratch freeze refused signing; recorded as ${result.tag}`
            : `UNEXPECTED: drill ${result.status} (${result.record.detail})`,
        );
        return ok;
      } finally {
        fs.rmSync(workspace, { recursive: true, force: true });
        await slack.close();
      }
    },
  };
}
