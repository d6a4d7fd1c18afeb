/** The metrics of one notification, under the names of the security-ci scenario , which dashboards read. */
export interface NotifyMetrics {
  /** Issues this notifier opened for the failed run (0 or 1): summed over runs, issues opened vs runs. */
  'notify.failures': number;
  /** 1 when Slack took the notification, else 0: averaged over runs, the success rate. */
  'notify.slack_success_rate': number;
  /** Seconds from the failure's detection (the entry turning `failure`) to the creation of the issue this notifier opened; else null. */
  'notify.issue_latency': number | null;
  /** 1 when Slack failed and an issue followed up on the failure, else 0. */
  'security_ci.slack_issue_followups': number;
  /** 1 when Slack and the issue failed and this notifier posted the ops summary, else 0. */
  'notify.escalations': number;
}

export function notifyMetrics(facts: {
  slackDelivered: boolean;
  issueCreated: boolean;
  issueFollowedUp: boolean;
  issueCreatedAt: string | null;
  detectedAt: Date;
  escalated: boolean;
}): NotifyMetrics {
  const created = facts.issueCreatedAt === null ? NaN : Date.parse(facts.issueCreatedAt);
  return {
    'notify.failures': facts.issueCreated ? 1 : 0,
    'notify.slack_success_rate': facts.slackDelivered ? 1 : 0,
    'notify.issue_latency':
      facts.issueCreated && !Number.isNaN(created)
        ? Math.max(0, Math.round(created - facts.detectedAt.getTime()) / 1000)
        : null,
    'security_ci.slack_issue_followups': !facts.slackDelivered && facts.issueFollowedUp ? 1 : 0,
    'notify.escalations': facts.escalated ? 1 : 0,
  };
}
