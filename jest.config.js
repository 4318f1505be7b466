// Tests run TypeScript through swc (fast, no type check: `npm test` type-checks with tsc first).
// jose, openid-client (with oauth4webapi), bpmn-moddle (with its moddle parts), feelin (with lezer) and file-type (with its tokenizers) ship only ES modules, so they are transformed too.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(ts|js|mjs)$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(jose|openid-client|oauth4webapi|min-dash|@bpmn-io|bpmn-moddle|moddle|moddle-xml|saxen|feelin|lezer-feel|@lezer|temporal-polyfill|temporal-utils|file-type|strtok3|token-types|uint8array-extras|@tokenizer|@borewit)/)'],
  // file-type exports only `import` and `module-sync` conditions, which jest's resolver does not try
  moduleNameMapper: { '^file-type$': '<rootDir>/node_modules/file-type/index.js' },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
  // Workers exit within milliseconds of being told to (measured); the parent, busy with the run's
  // last results, has taken up to 1.9 s to hear it, so the default 500 ms force-killed them.
  workerGracefulExitTimeout: 10_000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
