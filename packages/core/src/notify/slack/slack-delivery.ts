import { setTimeout as sleep } from 'node:timers/promises';
import { retryWaitMs, type DeliveryPolicy } from './delivery-policy';
import type { CallResult, DeliveryAttempt, SlackRoute } from './delivery-attempt';
import { postOpsNotify } from './ops-notify';
import { postSlackWebhook } from './slack-webhook';
import { opsNotifyPayload, slackWebhookPayload } from './slack-message';
import type { FailureNotice } from '../notification';

export interface SlackRoutes {
  slackWebhookUrl?: string;
  opsNotifyUrl?: string;
  opsNotifyToken?: string;
}

export interface SlackDeliveryResult {
  delivered: boolean;
  /** The route that delivered. */
  route: SlackRoute | null;
  attempts: DeliveryAttempt[];
  /** Why Slack was not reached, in words without URL or token; null when delivered. */
  reason: string | null;
}

/** Runs one route's calls under the policy: retries 429/5xx with waits, stops at any other answer. */
export async function deliverOnRoute(
  route: SlackRoute,
  call: () => Promise<CallResult>,
  policy: DeliveryPolicy,
): Promise<DeliveryAttempt[]> {
  const attempts: DeliveryAttempt[] = [];
  let waitedMs = 0;
  for (let attempt = 1; ; attempt++) {
    const started = performance.now();
    const result = await call();
    attempts.push({ route, attempt, ...result, durationMs: Math.round(performance.now() - started) });
    if (result.outcome !== 'http_error' || result.status === null) return attempts;
    const wait = retryWaitMs(policy, attempt, result.status, result.retryAfterMs, waitedMs);
    if (wait === undefined) return attempts;
    await sleep(wait);
    waitedMs += wait;
  }
}

const ROUTE_NAMES: Record<SlackRoute, string> = {
  'slack-webhook': 'Slack webhook',
  'ops-notify': 'ops notify function',
  'ops-summary': 'ops summary function',
  'ops-summary-webhook': 'ops summary webhook',
};

export function routeName(route: SlackRoute): string {
  return ROUTE_NAMES[route];
}

/** The last attempt of each route, in words: `Slack webhook: HTTP 404: no_service after 1 try`. */
export function failureReason(attempts: DeliveryAttempt[], notes: string[]): string {
  const byRoute = new Map<SlackRoute, DeliveryAttempt>();
  for (const attempt of attempts) byRoute.set(attempt.route, attempt);
  const parts = [...byRoute.values()].map(
    (last) =>
      `${routeName(last.route)}: ${last.detail} (${last.attempt} ${last.attempt === 1 ? 'try' : 'tries'})`,
  );
  return [...notes, ...parts].join('; ');
}

/**
 * Posts the failure notice to Slack: the incoming webhook first, then the ops notify function when
 * the webhook did not deliver (or is not configured). Each call has a time limit; 429 and 5xx are
 * retried per the policy, every other failure goes on at once. `sent` sees each webhook request body
 * as it goes out. Never throws.
 */
export async function deliverToSlack(
  notice: FailureNotice,
  routes: SlackRoutes,
  policy: DeliveryPolicy,
  sent?: (route: SlackRoute, body: string) => void,
): Promise<SlackDeliveryResult> {
  const attempts: DeliveryAttempt[] = [];
  const notes: string[] = [];
  const planned: Array<[SlackRoute, () => Promise<CallResult>]> = [];
  const { slackWebhookUrl, opsNotifyUrl, opsNotifyToken } = routes;
  if (slackWebhookUrl) {
    const payload = slackWebhookPayload(notice);
    const observe = sent && ((body: string) => sent('slack-webhook', body));
    planned.push([
      'slack-webhook',
      () => postSlackWebhook(slackWebhookUrl, payload, policy.timeoutMs, observe),
    ]);
  }
  if (opsNotifyUrl && opsNotifyToken) {
    const payload = opsNotifyPayload(notice);
    planned.push([
      'ops-notify',
      () => postOpsNotify(opsNotifyUrl, opsNotifyToken, payload, policy.timeoutMs),
    ]);
  } else if (opsNotifyUrl || opsNotifyToken) {
    notes.push('ops notify function: `ops-notify-url` and `ops-notify-token` go together; one is missing');
  }
  if (planned.length === 0 && notes.length === 0)
    notes.push(
      'no Slack route is configured (`slack-webhook-url`, or `ops-notify-url` with `ops-notify-token`)',
    );

  for (const [route, call] of planned) {
    const routeAttempts = await deliverOnRoute(route, call, policy);
    attempts.push(...routeAttempts);
    if (routeAttempts[routeAttempts.length - 1].outcome === 'delivered') {
      return { delivered: true, route, attempts, reason: null };
    }
  }
  return { delivered: false, route: null, attempts, reason: failureReason(attempts, notes) };
}
