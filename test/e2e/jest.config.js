/**
 * Browser tests: Debian's Chromium (playwright-core) against the dev server started in-process.
 * Run with `npx jest -c test/e2e/jest.config.js`; the UI must be built (`npm run build:ui`), which
 * globalSetup does when it is missing or stale.
 */
const path = require('node:path');

module.exports = {
  rootDir: path.resolve(__dirname, '../..'),
  displayName: 'e2e',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  globalSetup: '<rootDir>/test/e2e/support/globalSetup.js',
  testTimeout: 120000,
  // One browser and one server at a time: the machine has two cores shared with others.
  maxWorkers: 1,
};
