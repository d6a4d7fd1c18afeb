import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** An AWS secret access key as a test would leak it to its console (made up; the right shape). */
export const PLANTED_AWS_SECRET = 'Zx9qW3rT7yU1iO5pA8sD2fG4hJ6kL0zXcV8bN3mQ';

/**
 * A tiny project tested by the real jest, writing real reports: JUnit through jest-junit 17 (twice:
 * `reports/junit.xml` without console output, `reports/junit-console.xml` with it, where one test
 * logs an AWS key), and coverage through jest's own reporters (coverage-summary.json, lcov.info,
 * cobertura-coverage.xml and the text-summary in summary.txt). Four of five lines are covered.
 */
export function writeJestProject(dir: string): void {
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(
    join(dir, 'src', 'calc.js'),
    'exports.add = (a, b) => a + b;\nexports.half = (n) => {\n  if (n < 0) {\n    return null;\n  }\n  return n / 2;\n};\n',
  );
  writeFileSync(
    join(dir, 'src', 'calc.test.js'),
    [
      "const { add, half } = require('./calc');",
      "test('adds', () => expect(add(1, 2)).toBe(3));",
      "test('halves', () => expect(half(4)).toBe(2));",
      `test('logs its environment', () => { console.log('AWS_SECRET_ACCESS_KEY="${PLANTED_AWS_SECRET}"'); });`,
      "test.skip('not yet', () => {});",
      '',
    ].join('\n'),
  );
  const junit = require.resolve('jest-junit');
  const config = {
    rootDir: dir,
    testEnvironment: 'node',
    transform: {},
    collectCoverage: true,
    coverageProvider: 'babel',
    collectCoverageFrom: ['src/calc.js'],
    coverageDirectory: join(dir, 'reports', 'coverage'),
    coverageReporters: ['json-summary', 'lcov', 'cobertura', ['text-summary', { file: 'summary.txt' }]],
    reporters: [
      [junit, { outputDirectory: join(dir, 'reports'), outputName: 'junit.xml' }],
      [
        junit,
        {
          outputDirectory: join(dir, 'reports'),
          outputName: 'junit-console.xml',
          includeConsoleOutput: 'true',
        },
      ],
    ],
  };
  execFileSync(
    process.execPath,
    [
      require.resolve('jest/bin/jest'),
      '--config',
      JSON.stringify(config),
      '--ci',
      '--watchman=false',
      '--silent=false',
    ],
    { cwd: dir, timeout: 90_000, stdio: 'pipe', env: { PATH: process.env.PATH, HOME: dir, CI: 'true' } },
  );
}
