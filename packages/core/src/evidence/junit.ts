import { ReleaseGuardError } from '../errors';
import { descendants, parseXml } from './xml';

/** Test totals of one or more JUnit XML reports. */
export interface TestTotals {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

export const NO_TESTS: TestTotals = { tests: 0, failures: 0, errors: 0, skipped: 0 };

/**
 * Totals of a JUnit XML report, counted from its `<testcase>` elements rather than the suites'
 * attributes, which the flavours fill differently: Jest (jest-junit) and gotestsum wrap suites in
 * `<testsuites>`, pytest too since 5.1, Maven Surefire writes one `<testsuite>` per file.
 * A case with `<failure>` fails, with `<error>` errors, with `<skipped>` is skipped.
 */
export function parseJUnit(text: string, source: string): TestTotals {
  const root = parseXml(text, source);
  if (root.name !== 'testsuites' && root.name !== 'testsuite') {
    throw new ReleaseGuardError(
      'unreadable_input',
      `${source} is not a JUnit XML report: its root element is <${root.name}>, not <testsuites> or <testsuite>`,
      { file: source },
    );
  }
  const totals = { ...NO_TESTS };
  for (const testcase of descendants(root, 'testcase')) {
    totals.tests += 1;
    const kinds = new Set(testcase.children.map((child) => child.name));
    if (kinds.has('error')) totals.errors += 1;
    else if (kinds.has('failure')) totals.failures += 1;
    else if (kinds.has('skipped')) totals.skipped += 1;
  }
  return totals;
}

export function addTotals(a: TestTotals, b: TestTotals): TestTotals {
  return {
    tests: a.tests + b.tests,
    failures: a.failures + b.failures,
    errors: a.errors + b.errors,
    skipped: a.skipped + b.skipped,
  };
}
