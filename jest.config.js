/**
 * `jest` runs two projects: node (unit, integration, contract, runtime, emulator, dataset, dev server)
 * and ui (component tests in jsdom, test/ui/jest.config.js). Browser tests have their own config,
 * test/e2e/jest.config.js, run by `npm run test:e2e`.
 */
const path = require('node:path');

const node = {
  displayName: 'node',
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/src', '<rootDir>/local'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '/test/ui/', '/static/'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};

module.exports = {
  projects: [node, path.join(__dirname, 'test/ui/jest.config.js')],
  testTimeout: 60000,
};
