/**
 * Component tests of the Custom UI (static/structure-ui) in jsdom. Run on their own with
 * `npx jest -c test/ui/jest.config.js`, or as a project of the root config (see the proposal in
 * test/ui/README.md).
 */
const path = require('node:path');

module.exports = {
  rootDir: path.resolve(__dirname, '../..'),
  displayName: 'ui',
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/test/ui'],
  testMatch: ['**/*.test.tsx'],
  transform: {
    // Transpile only: `npx tsc -p test/ui` typechecks. CommonJS because Jest runs CommonJS here.
    '^.+\\.tsx?$': [
      'ts-jest',
      {
        isolatedModules: true,
        tsconfig: {
          jsx: 'react-jsx',
          module: 'commonjs',
          target: 'ES2022',
          esModuleInterop: true,
          isolatedModules: true,
        },
      },
    ],
  },
  // Atlaskit's compiled components import their CSS; jsdom needs none of it.
  moduleNameMapper: { '\\.css$': '<rootDir>/test/ui/support/styleStub.js' },
  setupFiles: ['<rootDir>/test/ui/support/setup.js'],
  testTimeout: 30000,
};
