/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/actions'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.base.json' }],
    // secretlint ships ES modules only; jest runs CommonJS, so those files are compiled to it.
    '^.+/node_modules/@secretlint/.+\\.js$': [
      'babel-jest',
      { babelrc: false, configFile: false, plugins: ['@babel/plugin-transform-modules-commonjs'] },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!\\.pnpm/@secretlint\\+|@secretlint/)'],
  moduleNameMapper: {
    '^@release-guard/core$': '<rootDir>/packages/core/src/index.ts',
    '^@release-guard/core/(.*)$': '<rootDir>/packages/core/src/$1',
    '^@release-guard/testkit$': '<rootDir>/packages/testkit/src/index.ts',
  },
  setupFilesAfterEnv: ['<rootDir>/packages/testkit/src/jest-setup.ts'],
  testTimeout: 60000,
};
