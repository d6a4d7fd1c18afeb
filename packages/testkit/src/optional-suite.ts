import fs from 'node:fs';
import path from 'node:path';

/**
 * Tests that need something outside the repository (the third-party vectors, a built bundle, a tool
 * such as diffoscope) skip with a message where it is missing, so a plain clone's suite stands.
 * `RG_REQUIRE_ALL=1` (set by CI) turns each such skip into a failing test: CI cannot go green on
 * suites that did not run.
 */
export function requireAll(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.RG_REQUIRE_ALL === '1';
}

const announced = new Set<string>();

function announce(reason: string): void {
  if (announced.has(reason)) return;
  announced.add(reason);
  process.stderr.write(`skipping: ${reason} (RG_REQUIRE_ALL=1 makes this a failure)\n`);
}

function missing(reason: string): Error {
  return new Error(`RG_REQUIRE_ALL=1 and this test cannot run: ${reason}`);
}

export interface OptionalSuite {
  describe: (name: string, body: () => void) => void;
  it: (name: string, body: () => unknown, timeout?: number) => void;
}

/** The test framework's registration functions; jest's globals unless a test of this module passes its own. */
export interface TestRegistrar {
  describe: (name: string, body: () => void) => void;
  describeSkip: (name: string, body: () => void) => void;
  it: (name: string, body: () => unknown, timeout?: number) => void;
  itSkip: (name: string, body: () => unknown) => void;
}

function jestRegistrar(): TestRegistrar {
  return {
    describe: (name, body) => describe(name, body),
    describeSkip: (name, body) => describe.skip(name, body),
    it: (name, body, timeout) => it(name, body as jest.ProvidesCallback, timeout),
    itSkip: (name, body) => it.skip(name, body as jest.ProvidesCallback),
  };
}

/**
 * `describe` and `it` that run when `available`, else skip (saying `reason` once) or, under
 * `RG_REQUIRE_ALL=1`, register a test that fails with the reason.
 */
export function requireOrSkip(
  available: boolean,
  reason: string,
  env: NodeJS.ProcessEnv = process.env,
  registrar: TestRegistrar = jestRegistrar(),
): OptionalSuite {
  const t = registrar;
  if (available) return { describe: t.describe, it: t.it };
  if (requireAll(env)) {
    const fail = () => {
      throw missing(reason);
    };
    return {
      describe: (name) => t.describe(name, () => t.it('has what it needs to run', fail)),
      it: (name) => t.it(name, fail),
    };
  }
  announce(reason);
  return { describe: t.describeSkip, it: t.itSkip };
}

/** The third-party interop vectors: `RG_VECTORS_DIR`, else `../shared/vectors` beside the repository. */
export const VECTORS_DIR = path.resolve(
  process.env.RG_VECTORS_DIR ?? path.join(__dirname, '../../../../shared/vectors'),
);

export function vectorsPresent(): boolean {
  return fs.existsSync(path.join(VECTORS_DIR, 'expected.json'));
}

/** A file of the vectors, by its path inside the vectors folder. */
export function vectorPath(...parts: string[]): string {
  return path.join(VECTORS_DIR, ...parts);
}

const VECTORS_MISSING = `the third-party vectors are not at ${VECTORS_DIR} (set RG_VECTORS_DIR)`;

/** `describe`/`it` for tests that read the vectors. */
export function withVectors(): OptionalSuite {
  return requireOrSkip(vectorsPresent(), VECTORS_MISSING);
}

/** A `describe` block that runs only where the vectors are (see {@link requireOrSkip}). */
export function describeWithVectors(name: string, body: () => void): void {
  withVectors().describe(name, body);
}
