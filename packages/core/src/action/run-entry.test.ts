import { InputError, ReleaseGuardError } from '../errors';
import { ManifestRuleError } from '../manifest/errors';
import { describeFailure, emptyOutcome } from './outcome';
import { runActionEntry, type ActionRuntime } from './run-entry';

/** Records what the entry did, in order, as the runner would see it. */
function fakeRuntime() {
  const calls: string[] = [];
  const runtime: ActionRuntime = {
    setSecret: (secret) => calls.push(`mask ${secret}`),
    setOutput: (name, value) => calls.push(`output ${name}=${value}`),
    info: (message) => calls.push(`info ${message}`),
    notice: (message) => calls.push(`notice ${message}`),
    warning: (message) => calls.push(`warning ${message}`),
    setFailed: (message) => calls.push(`failed ${message}`),
    summary: { addRaw: (text) => ({ write: async () => calls.push(`summary ${text}`) }) },
  };
  return { runtime, calls };
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('runActionEntry', () => {
  it('masks the secret inputs before core runs, then applies the outcome', async () => {
    const { runtime, calls } = fakeRuntime();
    await runActionEntry(
      {
        read: () => ({ secrets: ['input-secret-1'] }),
        run: async (_context, log) => {
          log('working with input-secret-1');
          return {
            ...emptyOutcome(),
            outputs: { verified: 'false' },
            summary: '### done',
            warnings: ['line\n::error::forged'],
            failure: { code: 'digest_mismatch', message: 'digest_mismatch: artifact changed', exitCode: 1 },
            secrets: ['derived-secret-2'],
          };
        },
      },
      runtime,
    );
    expect(calls).toEqual([
      'mask input-secret-1',
      'info working with ***',
      'mask derived-secret-2',
      'output verified=false',
      'summary ### done',
      'warning line\\x0a::error::forged',
      'failed digest_mismatch: artifact changed',
    ]);
    expect(process.exitCode).toBe(1);
  });

  it('turns an error while reading the context into a usage failure, exit 2', async () => {
    const { runtime, calls } = fakeRuntime();
    await runActionEntry(
      {
        read: () => {
          throw new InputError('run-id', 'must be a workflow run id');
        },
        run: async () => emptyOutcome(),
      },
      runtime,
    );
    expect(calls).toEqual(['failed usage_error: input `run-id` must be a workflow run id']);
    expect(process.exitCode).toBe(2);
  });
});

describe('describeFailure', () => {
  it.each([
    [new InputError('tag', 'is required'), 'usage_error: input `tag` is required', 2],
    [new ReleaseGuardError('rerun_denied', 'too old'), 'rerun_denied: too old', 1],
    [new ManifestRuleError('illegal_transition', 'v1/1', 'no'), 'illegal_transition: no', 1],
    [new TypeError('x is undefined'), 'internal error: x is undefined', 1],
  ])('describes %p', (error, message, exitCode) => {
    expect(describeFailure(error)).toMatchObject({ message, exitCode });
  });

  it('keeps the cause of an error', () => {
    const cause = new Error('EACCES');
    expect(new ReleaseGuardError('unreadable_input', 'cannot read', {}, { cause }).cause).toBe(cause);
  });
});
