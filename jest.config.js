// Two projects: unit specs beside the code, end-to-end suites over real sockets in test/e2e.
// The SDK (client/) is ES modules with `.js` import suffixes: ts-jest compiles it (its generated
// protobuf module included) and the mapper strips the suffix.
// Both check first for the programs the suites start (one line naming what to install), and both
// fail a test or file that prints an error stack (test/support/quiet-*): a green run is quiet.
const compile = ['ts-jest', { tsconfig: 'tsconfig.json' }];
const transform = { '^.+\\.ts$': compile, '^.+/client/src/generated/.+\\.js$': compile };
const moduleNameMapper = { '^(\\.{1,2}/.*)\\.js$': '$1' };
const common = {
  testEnvironment: '<rootDir>/test/support/quiet-environment.js',
  transform,
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'js', 'json'],
  globalSetup: '<rootDir>/test/support/required-tools.ts',
  setupFilesAfterEnv: ['<rootDir>/test/support/quiet-output.ts'],
};

module.exports = {
  testTimeout: 30000,
  // jest's default on 2 cores is one worker; most e2e suites wait on timers and sockets, so two
  // files at a time cut the wall time by about a fifth (161 s to 132 s measured on a loaded 2-core box).
  maxWorkers: 2,
  // A worker exits once its last file's handles are closed; after the Redis contract suites (child
  // redis-servers, cluster connections) that took up to a second on a loaded 2-core box, past
  // jest's 500 ms, and jest then printed "A worker process has failed to exit gracefully". Every
  // handle was gone 1 s after each file's teardown (process.getActiveResourcesInfo(), 2026-11-27).
  workerGracefulExitTimeout: 3000,
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
