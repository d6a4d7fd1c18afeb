import { readNotifyInputs } from './action-inputs';
import { checkNotifyInputs } from './inputs';

const env = {
  GITHUB_REPOSITORY: 'acme/widgets',
  GITHUB_RUN_ID: '4242',
  GITHUB_SERVER_URL: 'https://github.example/',
  INPUT_TAG: 'v1.2.3',
  INPUT_GITHUB_TOKEN: 'ghs_x',
};

describe('readNotifyInputs', () => {
  it('applies the defaults: current run, labels, manifest path, 10 s, 3 attempts', () => {
    const inputs = readNotifyInputs(env);
    expect(inputs).toMatchObject({
      runId: '4242',
      failureReason: null,
      issueLabels: ['ops-alert', 'provenance-failure'],
      manifestPath: 'docs/reports/manifest.json',
      timeoutMs: 10_000,
      slackAttempts: 3,
      serverUrl: 'https://github.example',
      runbookUrl: undefined,
    });
    expect(() => checkNotifyInputs(inputs)).not.toThrow();
  });

  it('reads labels per line or comma, fractional seconds, and the runbook of the action’s version', () => {
    const inputs = readNotifyInputs({
      ...env,
      INPUT_ISSUE_LABELS: 'ops-alert\nsecurity, team-x',
      INPUT_TIMEOUT_SECONDS: '0.5',
      INPUT_FAILURE_REASON: 'predicate_mismatch',
      RELEASE_GUARD_ACTION_REPOSITORY: 'acme/release-guard',
      RELEASE_GUARD_ACTION_REF: 'v1',
    });
    expect(inputs).toMatchObject({
      issueLabels: ['ops-alert', 'security', 'team-x'],
      timeoutMs: 500,
      failureReason: 'predicate_mismatch',
      runbookUrl:
        'https://github.example/acme/release-guard/blob/v1/README.md#runbook-a-release-failed-validation',
    });
  });

  it('keeps an unknown failure reason for a warning instead of refusing to notify', () => {
    expect(readNotifyInputs({ ...env, INPUT_FAILURE_REASON: 'exploded' })).toMatchObject({
      failureReason: null,
      unknownFailureReason: 'exploded',
    });
  });

  it.each([
    [{ INPUT_RUN_ID: '12a' }, /`run-id` must be a workflow run id/],
    [{ INPUT_TIMEOUT_SECONDS: 'ten' }, /`timeout-seconds` must be a number of seconds/],
    [{ INPUT_TIMEOUT_SECONDS: '0' }, /above 0/],
    [{ INPUT_SLACK_ATTEMPTS: '0' }, /`slack-attempts` must be a whole number from 1 to 10/],
    [{ INPUT_SLACK_WEBHOOK_URL: 'hooks.slack.com/x' }, /`slack-webhook-url` must be an http\(s\) URL/],
    [{ INPUT_GITHUB_TOKEN: '' }, /`github-token` is needed/],
  ])('refuses %j', (extra, message) => {
    expect(() => checkNotifyInputs(readNotifyInputs({ ...env, ...extra }))).toThrowReleaseGuardError(
      'usage_error',
      message,
    );
  });

  it('needs GITHUB_REPOSITORY and a tag', () => {
    expect(() => readNotifyInputs({ ...env, GITHUB_REPOSITORY: '' })).toThrowReleaseGuardError(
      'usage_error',
      /GITHUB_REPOSITORY/,
    );
    expect(() => readNotifyInputs({ ...env, INPUT_TAG: ' ' })).toThrowReleaseGuardError(
      'usage_error',
      /`tag` is required/,
    );
  });
});
