// Two projects: unit specs beside the code, end-to-end suites over real sockets in test/e2e.
// The SDK (client/) is ES modules with `.js` import suffixes: ts-jest compiles it (its generated
// protobuf module included) and the mapper strips the suffix.
const compile = ['ts-jest', { tsconfig: 'tsconfig.json' }];
const transform = { '^.+\\.ts$': compile, '^.+/client/src/generated/.+\\.js$': compile };
const moduleNameMapper = { '^(\\.{1,2}/.*)\\.js$': '$1' };
const common = { testEnvironment: 'node', transform, moduleNameMapper, moduleFileExtensions: ['ts', 'js', 'json'] };

module.exports = {
  testTimeout: 30000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      rootDir: '.',
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/client/src/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      rootDir: '.',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
    },
  ],
};
