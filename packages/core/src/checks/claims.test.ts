import type { ProvenanceView } from '../attestation/provenance';
import { checkCommit, checkSourceRepo, checkTag } from './claims';

function view(overrides: Partial<ProvenanceView>): ProvenanceView {
  return {
    predicateType: 'https://slsa.dev/provenance/v1',
    slsaVersion: 'v1',
    buildType: null,
    builderId: null,
    sourceRepo: 'https://github.com/acme/app',
    ref: 'refs/tags/v13.0.30',
    commit: '4d329c75e7ec1725f7c9ce917a8799d408d06be3',
    workflow: null,
    runId: null,
    invocation: null,
    subjects: [],
    ...overrides,
  };
}

describe('tag', () => {
  it('matches exactly after stripping refs/tags/', () => {
    expect(checkTag(view({}), 'v13.0.30').ok).toBe(true);
    expect(checkTag(view({}), 'refs/tags/v13.0.30').ok).toBe(true);
  });

  it.each(['v13', 'v13.0', 'v13.0.29', 'v13.0.30.1', 'V13.0.30'])(
    'does not match %s against v13.0.30',
    (tag) => {
      expect(checkTag(view({}), tag)).toMatchObject({ ok: false, code: 'tag_mismatch' });
    },
  );

  it('fails a branch build checked with --tag', () => {
    const check = checkTag(view({ ref: 'refs/heads/main' }), 'main');
    expect(check).toMatchObject({ ok: false, code: 'tag_mismatch', actual: 'refs/heads/main' });
  });

  it.each([
    'v1$(id)',
    'v1`id`',
    'v1;rm -rf /',
    'v1|cat',
    '-v1',
    '--upload-pack=x',
    'v1/x',
    `v${'9'.repeat(300)}`,
    'v1\u202e',
  ])('treats the tag %j as data', (tag) => {
    expect(checkTag(view({ ref: `refs/tags/${tag}` }), tag).ok).toBe(true);
    expect(checkTag(view({}), tag).ok).toBe(false);
  });
});

describe('source repository', () => {
  it('accepts OWNER/REPO and URL forms of the same repository', () => {
    expect(checkSourceRepo(view({}), 'acme/app').ok).toBe(true);
    expect(checkSourceRepo(view({}), 'https://github.com/acme/app').ok).toBe(true);
    expect(checkSourceRepo(view({}), 'git+https://github.com/acme/app.git').ok).toBe(true);
  });

  it.each(['acme/ap', 'acme/appA', 'Aacme/app', 'acme/app-evil', 'https://github.com.evil.com/acme/app'])(
    'rejects %s',
    (repo) => {
      expect(checkSourceRepo(view({}), repo)).toMatchObject({ ok: false, code: 'source_mismatch' });
    },
  );

  it('fails when the provenance names no source', () => {
    expect(checkSourceRepo(view({ sourceRepo: null }), 'acme/app').ok).toBe(false);
  });
});

describe('commit', () => {
  it('compares the full commit id, case-insensitively on input', () => {
    expect(checkCommit(view({}), '4D329C75E7EC1725F7C9CE917A8799D408D06BE3').ok).toBe(true);
    expect(checkCommit(view({}), '693130cb6cb840a7bc9cb18c6510d536a95dc7e6')).toMatchObject({
      ok: false,
      code: 'commit_mismatch',
    });
  });

  it('is skipped, not failed, when not requested', () => {
    expect(checkCommit(view({}), undefined)).toMatchObject({ ok: true, status: 'skipped' });
  });
});
