import { startSlackReceiver, type SlackReceiver } from '@release-guard/testkit';
import { DEFAULT_DELIVERY_POLICY, type DeliveryPolicy } from './delivery-policy';
import type { FailureNotice } from '../notification';
import { deliverToSlack } from './slack-delivery';

const OPS_TOKEN = 'ops-token-for-tests-123456';
const notice: FailureNotice = {
  tag: 'v1.2.3',
  runId: '42',
  repository: 'acme/widgets',
  failureReason: 'digest_mismatch',
  runUrl: 'https://github.com/acme/widgets/actions/runs/42',
  nextStep: { kind: 'investigate', reportUrl: 'https://github.com/acme/widgets/actions/runs/42' },
  artifactUrl: null,
  runbookUrl: null,
  manifest: null,
};
const policy: DeliveryPolicy = { ...DEFAULT_DELIVERY_POLICY, attempts: 3, timeoutMs: 300, backoffBaseMs: 10 };

let slack: SlackReceiver;
beforeEach(async () => {
  slack = await startSlackReceiver({ opsToken: OPS_TOKEN });
});
afterEach(async () => {
  await slack.close();
});

function expectNoUrlOrToken(result: unknown) {
  const text = JSON.stringify(result);
  expect(text).not.toContain(new URL(slack.webhookUrl).pathname);
  expect(text).not.toContain('127.0.0.1');
  expect(text).not.toContain(OPS_TOKEN);
}

describe('deliverToSlack', () => {
  it('delivers through the incoming webhook on the first 200 ok', async () => {
    const result = await deliverToSlack(notice, { slackWebhookUrl: slack.webhookUrl }, policy);
    expect(result).toMatchObject({ delivered: true, route: 'slack-webhook', reason: null });
    expect(result.attempts).toEqual([
      expect.objectContaining({
        attempt: 1,
        outcome: 'delivered',
        status: 200,
        detail: 'Slack answered HTTP 200: ok',
      }),
    ]);
    expect(slack.received[0].body).toEqual({ text: expect.stringContaining('*Tag:* v1.2.3') });
  });

  it('retries 500 up to the attempts, then reports it without the URL', async () => {
    slack.answer('webhook', { status: 500 }, 3);
    const result = await deliverToSlack(notice, { slackWebhookUrl: slack.webhookUrl }, policy);
    expect(result.delivered).toBe(false);
    expect(result.attempts.map((a) => a.status)).toEqual([500, 500, 500]);
    expect(result.reason).toBe('Slack webhook: Slack answered HTTP 500: rollup_error (3 tries)');
    expectNoUrlOrToken(result);
  });

  it('recovers when a 503 is followed by a 200', async () => {
    slack.answer('webhook', [{ status: 503 }, { status: 200 }]);
    const result = await deliverToSlack(notice, { slackWebhookUrl: slack.webhookUrl }, policy);
    expect(result).toMatchObject({ delivered: true, route: 'slack-webhook' });
    expect(result.attempts).toHaveLength(2);
  });

  it.each([400, 403, 404, 410])('does not retry a permanent %i', async (status) => {
    slack.answer('webhook', { status });
    const result = await deliverToSlack(notice, { slackWebhookUrl: slack.webhookUrl }, policy);
    expect(result.delivered).toBe(false);
    expect(slack.received).toHaveLength(1);
  });

  it('waits the Retry-After of a 429', async () => {
    slack.answer('webhook', { status: 429, headers: { 'retry-after': '0.2' } });
    const started = Date.now();
    const result = await deliverToSlack(notice, { slackWebhookUrl: slack.webhookUrl }, policy);
    expect(result.delivered).toBe(true);
    expect(result.attempts[0]).toMatchObject({ status: 429, retryAfterMs: 200 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('gives up on a 429 whose Retry-After is past the wait budget', async () => {
    slack.answer('webhook', { status: 429, headers: { 'retry-after': '3600' } });
    const result = await deliverToSlack(notice, { slackWebhookUrl: slack.webhookUrl }, policy);
    expect(result.delivered).toBe(false);
    expect(slack.received).toHaveLength(1);
  });

  it('times out a hanging webhook and does not post again', async () => {
    slack.answer('webhook', { hang: true });
    const started = Date.now();
    const result = await deliverToSlack(notice, { slackWebhookUrl: slack.webhookUrl }, policy);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result.attempts).toEqual([expect.objectContaining({ outcome: 'timeout', status: null })]);
    expect(result.reason).toBe('Slack webhook: no answer within 300 ms (1 try)');
  });

  it('reports a refused connection without the address', async () => {
    const url = slack.webhookUrl;
    await slack.close();
    const result = await deliverToSlack(notice, { slackWebhookUrl: url }, policy);
    slack = await startSlackReceiver();
    expect(result.attempts[0]).toMatchObject({ outcome: 'network_error', status: null });
    expect(result.attempts[0].detail).toMatch(/^could not be reached/);
    expect(JSON.stringify(result)).not.toContain(new URL(url).pathname);
  });

  it('posts to the ops function with range=latest&source=provenance-validate and a Bearer token', async () => {
    const result = await deliverToSlack(
      notice,
      { opsNotifyUrl: `${slack.opsUrl}?region=eu`, opsNotifyToken: OPS_TOKEN },
      policy,
    );
    expect(result).toMatchObject({ delivered: true, route: 'ops-notify' });
    expect(slack.received[0]).toMatchObject({
      endpoint: 'ops',
      authorized: true,
      query: { region: 'eu', range: 'latest', source: 'provenance-validate' },
    });
  });

  it.each([
    ['delivered: false', { body: { delivered: false } }, 'declined'],
    ['a body that is not JSON', { body: 'upstream connect error' }, 'invalid_answer'],
    ['JSON without delivered', { body: { ok: true } }, 'invalid_answer'],
  ])('takes %s from the ops function as not delivered, without a retry', async (_name, answer, outcome) => {
    slack.answer('ops', answer);
    const result = await deliverToSlack(
      notice,
      { opsNotifyUrl: slack.opsUrl, opsNotifyToken: OPS_TOKEN },
      policy,
    );
    expect(result.delivered).toBe(false);
    expect(result.attempts).toEqual([expect.objectContaining({ outcome })]);
    expectNoUrlOrToken(result);
  });

  it('tries the ops function when the webhook fails, and says why each failed', async () => {
    slack.answer('webhook', { status: 404 });
    slack.answer('ops', { status: 401 });
    const result = await deliverToSlack(
      notice,
      { slackWebhookUrl: slack.webhookUrl, opsNotifyUrl: slack.opsUrl, opsNotifyToken: OPS_TOKEN },
      policy,
    );
    expect(result.delivered).toBe(false);
    expect(result.reason).toBe(
      'Slack webhook: Slack answered HTTP 404: no_service (1 try); ops notify function: the ops notify function answered HTTP 401 (1 try)',
    );
  });

  it('counts a missing route or half a route as not delivered, with a reason', async () => {
    expect(await deliverToSlack(notice, {}, policy)).toMatchObject({
      delivered: false,
      attempts: [],
      reason: expect.stringContaining('no Slack route is configured'),
    });
    expect(await deliverToSlack(notice, { opsNotifyUrl: slack.opsUrl }, policy)).toMatchObject({
      delivered: false,
      reason: expect.stringContaining('`ops-notify-url` and `ops-notify-token` go together'),
    });
    expect(slack.received).toHaveLength(0);
  });
});
