import { FAILURE_CODES, ReleaseGuardError } from '../errors';
import {
  emptyManifest,
  MANIFEST_SCHEMA,
  manifestFieldProblem,
  manifestProblems,
  parseManifest,
  serializeManifest,
} from './schema';
import {
  CONTROL_NAMES,
  CONTROL_STATUSES,
  GOVERNANCE_FLAGS,
  MANIFEST_ENTRY_FIELDS,
  MANIFEST_SCHEMA_VERSION,
  MANIFEST_STATUSES,
  type ControlRecord,
  type HistoryRecord,
  type ProvenanceSummary,
  type Manifest,
  type ManifestEntry,
} from './types';

const created: HistoryRecord = {
  at: '2026-05-01T10:00:00.000Z',
  actor: 'security-ci',
  from: null,
  to: 'pending',
  note: null,
};

const failedEntry: ManifestEntry = {
  tag: 'v1.4.0',
  run_id: '9876543210',
  run_attempt: 1,
  artifact_url: 'https://github.com/acme/app/actions/runs/9876543210/artifacts/123',
  status: 'failure',
  failure_reason: 'predicate_mismatch',
  requeue: true,
  rerun_in_progress: false,
  notify_slack: false,
  slack_retry: 1,
  issue_number: 42,
  governance_flag: 'security-backcompat',
  verified_at: null,
  updated_at: '2026-05-01T10:05:00.000Z',
  history: [
    created,
    {
      at: '2026-05-01T10:05:00.000Z',
      actor: 'notify-on-failure',
      from: 'pending',
      to: 'failure',
      note: 'Slack answered delivered: false',
    },
  ],
};

const rolledBack: ManifestEntry = {
  ...failedEntry,
  tag: 'v1.4.0-rollback',
  run_id: '9876543299',
  status: 'rollback',
  failure_reason: null,
  requeue: false,
  slack_retry: 0,
  issue_number: null,
  governance_flag: 'rollback',
  verified_at: '2026-05-02T08:00:00Z',
  history: [
    { at: '2026-05-02T08:00:00Z', actor: 'on-call', from: null, to: 'rollback', note: 'revert of v1.4.0' },
  ],
};

const passed: ControlRecord = {
  status: 'pass',
  failure_reason: null,
  at: '2026-05-01T10:01:00.000Z',
  run_url: 'https://github.com/acme/app/actions/runs/9876543210',
  detail: null,
};

const summary: ProvenanceSummary = {
  builder_id:
    'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/builder_go_slsa3.yml@refs/tags/v2.0.0',
  source_repo: 'git+https://github.com/acme/app',
  workflow_path: '.github/workflows/release.yml',
  commit: 'a'.repeat(40),
  signer_san: null,
};

const sample: Manifest = { schema_version: 1, entries: [failedEntry, rolledBack] };

function withEntry(patch: Record<string, unknown>): unknown {
  return { schema_version: 1, entries: [{ ...failedEntry, ...patch }] };
}

describe('manifest schema', () => {
  it('is draft 2020-12 with schema_version 1 (1.0) or "1.MINOR", writing 1.2', () => {
    expect(MANIFEST_SCHEMA.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(MANIFEST_SCHEMA_VERSION).toBe('1.2');
    expect(manifestProblems({ schema_version: 1, entries: [] })).toEqual([]);
    expect(manifestProblems({ schema_version: '1.1', entries: [] })).toEqual([]);
    expect(manifestProblems({ schema_version: '1.2', entries: [] })).toEqual([]);
    expect(emptyManifest().schema_version).toBe('1.2');
  });

  it('lists exactly the fields of the TypeScript ManifestEntry, all required but the optional ones of 1.1 and 1.2', () => {
    const properties = Object.keys(MANIFEST_SCHEMA.$defs.entry.properties);
    expect(properties).toEqual(MANIFEST_ENTRY_FIELDS);
    const optional = ['escalated_at', 'controls', 'provenance_summary'];
    expect([...MANIFEST_SCHEMA.$defs.entry.required].sort()).toEqual(
      MANIFEST_ENTRY_FIELDS.filter((field) => !optional.includes(field)).sort(),
    );
    expect(Object.keys(MANIFEST_SCHEMA.$defs.history_record.properties)).toEqual(Object.keys(created));
    expect(Object.keys(MANIFEST_SCHEMA.$defs.controls.properties)).toEqual([...CONTROL_NAMES]);
    expect(Object.keys(MANIFEST_SCHEMA.$defs.control_record.properties)).toEqual(Object.keys(passed));
    expect(MANIFEST_SCHEMA.$defs.control_record.properties.status.enum).toEqual([...CONTROL_STATUSES]);
    expect(Object.keys(MANIFEST_SCHEMA.$defs.provenance_summary.properties)).toEqual(Object.keys(summary));
  });

  it('accepts 1.2 controls and a provenance summary, and rejects bad control records', () => {
    const entry = {
      ...failedEntry,
      controls: { provenance: passed, repro: passed },
      provenance_summary: summary,
    };
    expect(manifestProblems({ schema_version: '1.2', entries: [entry] })).toEqual([]);
    expect(parseManifest(JSON.stringify({ schema_version: '1.2', entries: [entry] }), 'm')).toEqual({
      schema_version: '1.2',
      entries: [entry],
    });
    const bad = (record: Record<string, unknown>, name = 'signature') =>
      manifestProblems(withEntry({ controls: { [name]: { ...passed, ...record } } }))
        .map((problem) => `${problem.where}: ${problem.message}`)
        .join('\n');
    expect(bad({ status: 'ok' })).toMatch(/controls\.signature\.status: "ok" is not allowed/);
    expect(bad({ failure_reason: 'oops' })).toMatch(
      /controls\.signature\.failure_reason: "oops" is not allowed/,
    );
    expect(bad({ run_url: 'javascript:alert(1)' })).toMatch(/controls\.signature\.run_url/);
    expect(bad({ detail: 'x'.repeat(1025) })).toMatch(/controls\.signature\.detail: .* at most 1024/);
    expect(bad({ at: 'now' })).toMatch(/controls\.signature\.at/);
    expect(bad({}, 'sbom')).toMatch(/unknown field "sbom"/);
    expect(
      manifestProblems(withEntry({ provenance_summary: { ...summary, builder: 'x' } })).length,
    ).toBeGreaterThan(0);
  });

  it('takes statuses, governance flags and failure codes from the same lists as the code', () => {
    expect(MANIFEST_SCHEMA.$defs.status.enum).toEqual([...MANIFEST_STATUSES]);
    expect(MANIFEST_SCHEMA.$defs.entry.properties.governance_flag.enum).toEqual([...GOVERNANCE_FLAGS, null]);
    expect(MANIFEST_SCHEMA.$defs.entry.properties.failure_reason.enum).toEqual([...FAILURE_CODES, null]);
  });

  it('accepts typed sample manifests', () => {
    expect(manifestProblems(sample)).toEqual([]);
    expect(manifestProblems({ schema_version: 1, entries: [] })).toEqual([]);
  });

  it('round-trips through serializeManifest and parseManifest', () => {
    expect(parseManifest(serializeManifest(sample), 'sample')).toEqual(sample);
    expect(serializeManifest(sample).endsWith('}\n')).toBe(true);
  });

  it.each([
    [
      'a failure reason that is not a failure code',
      { failure_reason: 'oops' },
      /failure_reason: "oops" is not allowed; expected one of "artifact_missing"/,
    ],
    ['an unknown status', { status: 'done' }, /status: "done" is not allowed/],
    [
      'a run id that is not digits',
      { run_id: '12; rm -rf /' },
      /run_id: "12; rm -rf \/" is not in the expected form/,
    ],
    ['a zero run attempt', { run_attempt: 0 }, /run_attempt: 0 must be >= 1 \(expected: The run attempt/],
    ['a string issue number', { issue_number: '42' }, /issue_number: "42" must be integer or null/],
    [
      'a relative artifact url',
      { artifact_url: 'artifacts/123' },
      /artifact_url: "artifacts\/123" is not a valid uri/,
    ],
    [
      'a verified_at that is not a date-time',
      { verified_at: 'yesterday' },
      /verified_at: "yesterday" is not valid \(expected: When the provenance was verified/,
    ],
    ['an unknown field', { approved: true }, /unknown field "approved"/],
    ['an empty history', { history: [] }, /history: \[\] must have at least 1 item\(s\)/],
    [
      'a tag with a newline',
      { tag: 'v1\n::warning::x' },
      /tag: "v1\\n::warning::x" is not in the expected form/,
    ],
  ])('rejects %s, naming the entry and the field', (_name, patch, message) => {
    const problems = manifestProblems(withEntry(patch));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((problem) => `${problem.where}: ${problem.message}`).join('\n')).toMatch(message);
    expect(problems[0].where).toMatch(/^entries\[0\]/);
    // Fields and values, never the schema's keywords or our source files.
    for (const problem of problems) {
      expect(problem.message).not.toMatch(/\b(pattern|anyOf|oneOf|format "|schema)\b|\.ts\b|packages\//);
    }
  });

  it('reads a newer minor version with fields it does not know, and keeps them', () => {
    const newer = {
      schema_version: '1.7',
      shard: 'eu',
      entries: [{ ...failedEntry, escalated_at: null, approved_by: 'steward' }],
    };
    expect(manifestProblems(newer)).toEqual([]);
    expect(parseManifest(JSON.stringify(newer), 'newer')).toEqual(newer);
    // The same unknown field in this version's own document is a typo, not a newer field.
    expect(manifestProblems({ ...newer, schema_version: '1.2' }).length).toBeGreaterThan(0);
  });

  it('reads a newer minor version that adds a control and a control field', () => {
    const newer = {
      schema_version: '1.9',
      entries: [
        {
          ...failedEntry,
          controls: { provenance: { ...passed, policy: 'strict' }, sbom: passed },
          provenance_summary: { ...summary, runner: 'github-hosted' },
        },
      ],
    };
    expect(manifestProblems(newer)).toEqual([]);
    expect(parseManifest(JSON.stringify(newer), 'newer')).toEqual(newer);
    expect(manifestProblems({ ...newer, schema_version: '1.2' }).length).toBeGreaterThan(0);
  });

  it('refuses to read a newer major version, saying to upgrade', () => {
    expect(() => parseManifest(JSON.stringify({ schema_version: '2.0', entries: [] }), 'm.json')).toThrow(
      /the manifest at m\.json: schema_version "2\.0" is a newer major version .* Upgrade release-guard/,
    );
  });

  it('rejects a wrong schema_version and a missing entries list', () => {
    expect(manifestProblems({ schema_version: 2, entries: [] })[0]).toMatchObject({
      where: 'schema_version',
      message: expect.stringMatching(/^2 is a newer major version than this release-guard knows \(1\.x\)/),
    });
    expect(manifestProblems({ schema_version: 'one', entries: [] })[0]).toMatchObject({
      where: 'schema_version',
    });
    expect(manifestProblems({ schema_version: 1 })[0]).toMatchObject({
      where: '(document)',
      message: 'missing field "entries"',
    });
  });

  it('rejects two entries for the same tag and run', () => {
    const problems = manifestProblems({ schema_version: 1, entries: [failedEntry, failedEntry] });
    expect(problems).toEqual([
      {
        where: 'entries[1] (v1.4.0 run 9876543210)',
        entry: 'v1.4.0 run 9876543210',
        message: 'duplicate entry: entries[0] has the same tag and run_id; merge the two into one',
      },
    ]);
  });

  it('refuses unreadable manifest text as unusable input (exit 2) and says how to recover', () => {
    const notJson = () => parseManifest('{"schema_version": 1,', 'docs/reports/manifest.json');
    expect(notJson).toThrow(ReleaseGuardError);
    expect(notJson).toThrow(/manifest at docs\/reports\/manifest.json is not JSON .*Repair it by hand/);
    let refusal: unknown;
    try {
      parseManifest(JSON.stringify(withEntry({ status: 'done' })), 'm.json');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ReleaseGuardError);
    expect(refusal).toMatchObject({ code: 'unreadable_input', exitCode: 2 });
    expect((refusal as Error).message).toMatch(
      /entries\[0\] \(v1.4.0 run 9876543210\)\.status: "done" is not allowed/,
    );
  });

  it('checks single field values for --set', () => {
    expect(manifestFieldProblem('issue_number', 7)).toBeNull();
    expect(manifestFieldProblem('issue_number', null)).toBeNull();
    expect(manifestFieldProblem('status', 'requeued')).toBeNull();
    expect(manifestFieldProblem('status', 'done')).toMatch(
      /Allowed: pending, success, failure, requeued, rerunning, blocked, rollback/,
    );
    expect(manifestFieldProblem('tag', '')).toMatch(/1 to 1024 characters/);
  });
});
