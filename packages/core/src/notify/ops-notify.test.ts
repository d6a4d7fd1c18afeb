import { startSlackReceiver, type SlackReceiver } from '@release-guard/testkit';
import { postOpsNotify } from './ops-notify';

const OPS_TOKEN = 'ops-token-for-redirect-tests-0123';

let ops: SlackReceiver;
let elsewhere: SlackReceiver;
beforeEach(async () => {
  ops = await startSlackReceiver({ opsToken: OPS_TOKEN });
  elsewhere = await startSlackReceiver();
});
afterEach(async () => {
  await ops.close();
  await elsewhere.close();
});

describe('postOpsNotify', () => {
  it('does not follow a redirect: the other host receives nothing, and the notice is not delivered', async () => {
    ops.answer('ops', { status: 307, headers: { location: elsewhere.opsUrl } });
    const result = await postOpsNotify(ops.opsUrl, OPS_TOKEN, { text: 'release v1 failed' }, 2000);
    expect(result).toEqual({
      outcome: 'network_error',
      status: null,
      detail: 'answered with a redirect, which is not followed',
    });
    expect(ops.requestsTo('ops')).toHaveLength(1);
    expect(elsewhere.received).toEqual([]);
  });
});
