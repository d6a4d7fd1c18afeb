import { findSecrets } from './secrets';

const rulesOf = async (text: string) => (await findSecrets('file.txt', text)).map((finding) => finding.rule);

describe('findSecrets: our own rules', () => {
  it.each([
    [
      'a Discord webhook',
      'post to https://discord.com/api/webhooks/123456789012345678/AbCdEfGhIjKlMnOpQrStUvWxYz0123',
      'release-guard/webhook-url',
    ],
    [
      'a Teams webhook',
      'https://acme.webhook.office.com/webhookb2/0c1d2e3f-aaaa-bbbb-cccc-1234567890ab@x/IncomingWebhook/abc',
      'release-guard/webhook-url',
    ],
    ['an .npmrc _auth', '_auth=dXNlcjpwYXNzd29yZDEyMw==', 'release-guard/npmrc-auth-token'],
    ['an RSA PEM key', '-----BEGIN RSA PRIVATE KEY-----', 'release-guard/pem-private-key'],
    ['an OpenSSH key', '-----BEGIN OPENSSH PRIVATE KEY-----', 'release-guard/pem-private-key'],
    ['an encrypted PKCS#8 key', '-----BEGIN ENCRYPTED PRIVATE KEY-----', 'release-guard/pem-private-key'],
    ['an AWS access key id', 'key id AKIAZ7Q2M4N6P8R0T2V4 in the log', 'release-guard/aws-credentials'],
    [
      'an escaped AWS secret key',
      'aws_secret_access_key=\\"Zx9qW3rT7yU1iO5pA8sD2fG4hJ6kL0zXcV8bN3mQ\\"',
      'release-guard/aws-credentials',
    ],
  ])('finds %s', async (_, text, rule) => {
    expect(await rulesOf(text)).toContain(rule);
  });

  it.each([
    ['a test report line', '<testcase classname="adds" name="adds 1 and 2" time="0.004"/>'],
    ['an npm token read from the environment', '//registry.npmjs.org/:_authToken=${NPM_TOKEN}'],
    ['a git remote without credentials', 'url = https://github.com/acme/app.git'],
    ['a public key', '-----BEGIN PUBLIC KEY-----'],
    ['a Slack URL that is not a webhook', 'see https://slack.com/help/articles/115005265063'],
    ['an image digest', `ghcr.io/acme/app@sha256:${'a'.repeat(64)}`],
  ])('finds nothing in %s', async (_, text) => {
    expect(await rulesOf(text)).toEqual([]);
  });

  it('names the line of each finding, never the value', async () => {
    const findings = await findSecrets('logs/a.log', 'one\ntwo\n-----BEGIN PRIVATE KEY-----\nMIIEv\n');
    expect(findings).toEqual([{ path: 'logs/a.log', line: 3, rule: 'release-guard/pem-private-key' }]);
  });
});
