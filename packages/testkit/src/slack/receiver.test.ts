import { startSlackReceiver, type SlackReceiver } from './receiver';

let slack: SlackReceiver;
beforeEach(async () => {
  slack = await startSlackReceiver({ opsToken: 'ops-token' });
});
afterEach(async () => {
  await slack.close();
});

function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('Slack receiver', () => {
  it('answers an incoming webhook with 200 ok and records the message', async () => {
    const response = await post(slack.webhookUrl, { text: 'hello' });
    expect([response.status, await response.text()]).toEqual([200, 'ok']);
    expect(slack.received[0]).toMatchObject({ endpoint: 'webhook', body: { text: 'hello' }, status: 200 });
  });

  it('answers 404 no_service for a hook path that is not its secret, and 400 for a body that is not JSON', async () => {
    const wrong = await post(new URL('/services/T0/B0/guess', slack.webhookUrl).toString(), { text: 'x' });
    expect([wrong.status, await wrong.text()]).toEqual([404, 'no_service']);
    const invalid = await post(slack.webhookUrl, 'text=x');
    expect([invalid.status, await invalid.text()]).toEqual([400, 'invalid_payload']);
  });

  it('plays scripted answers in order, with Slack’s texts and headers, then the normal answer', async () => {
    slack.answer('webhook', [{ status: 429, headers: { 'retry-after': '3' } }, { status: 500 }]);
    const limited = await post(slack.webhookUrl, { text: 'x' });
    expect([limited.status, limited.headers.get('retry-after'), await limited.text()]).toEqual([
      429,
      '3',
      'rate_limited',
    ]);
    expect((await post(slack.webhookUrl, { text: 'x' })).status).toBe(500);
    expect((await post(slack.webhookUrl, { text: 'x' })).status).toBe(200);
  });

  it('is down for every request after answerAll, until restored', async () => {
    slack.answerAll('webhook', { status: 503 });
    expect((await post(slack.webhookUrl, { text: 'x' })).status).toBe(503);
    expect((await post(slack.webhookUrl, { text: 'x' })).status).toBe(503);
    slack.answerAll('webhook', null);
    expect((await post(slack.webhookUrl, { text: 'x' })).status).toBe(200);
  });

  it('hangs when told to, until the client gives up', async () => {
    slack.answer('webhook', { hang: true });
    await expect(
      fetch(slack.webhookUrl, { method: 'POST', body: '{}', signal: AbortSignal.timeout(100) }),
    ).rejects.toThrow();
    expect(slack.received[0].outcome).toBe('hung');
  });

  it('runs the ops function: Bearer token, query recorded, {"delivered": bool} or any scripted body', async () => {
    const url = `${slack.opsUrl}?range=latest&source=provenance-validate`;
    const ok = await post(url, { text: 'x' }, { authorization: 'Bearer ops-token' });
    expect(await ok.json()).toEqual({ delivered: true });
    expect(slack.received[0]).toMatchObject({
      endpoint: 'ops',
      authorized: true,
      query: { range: 'latest', source: 'provenance-validate' },
      headers: expect.objectContaining({ authorization: '[redacted]' }),
    });
    const denied = await post(url, { text: 'x' }, { authorization: 'Bearer wrong' });
    expect(denied.status).toBe(401);
    slack.answer('ops', [{ body: { delivered: false } }, { body: 'not json' }]);
    expect(await (await post(url, {}, { authorization: 'Bearer ops-token' })).json()).toEqual({
      delivered: false,
    });
    expect(await (await post(url, {}, { authorization: 'Bearer ops-token' })).text()).toBe('not json');
  });

  it('refuses connections once closed, as a Slack that is down', async () => {
    const url = slack.webhookUrl;
    await slack.close();
    await expect(post(url, { text: 'x' })).rejects.toThrow();
    slack = await startSlackReceiver();
  });
});
