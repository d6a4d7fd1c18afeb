/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/actions'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.base.json' }],
  },
  moduleNameMapper: {
    '^@release-guard/core$': '<rootDir>/packages/core/src/index.ts',
    '^@release-guard/core/(.*)$': '<rootDir>/packages/core/src/$1',
    '^@release-guard/testkit$': '<rootDir>/packages/testkit/src/index.ts',
  },
  testTimeout: 60000,
};
