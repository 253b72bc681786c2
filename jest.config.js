const ESM_ONLY = '(@scure|@noble|openid-client|oauth4webapi|jose)';

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  // generous: scrypt-heavy auth tests share two cores with other suites; no test asserts timing
  testTimeout: 20_000,
  testMatch: ['**/test/{unit,integration,e2e}/**/*.test.ts'],
  // every answer the suite sees must be what the OpenAPI document says (test/helpers/openapiCheck.ts)
  setupFilesAfterEnv: ['<rootDir>/test/helpers/openapiSetup.ts'],
  transform: {
    // the client's modules (and their tests) compile with the client's settings (DOM, no Node)
    '/(client/src|test/unit/client)/.+\\.tsx?$': [
      'ts-jest',
      { tsconfig: 'test/unit/client/tsconfig.json' },
    ],
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // otplib's base32 and HMAC helpers, and openid-client with its JOSE and OAuth libraries,
    // ship only ES modules: compiled to CommonJS for jest (Node itself loads them natively)
    [`/node_modules/${ESM_ONLY}/.+\\.js$`]: '<rootDir>/test/helpers/esmToCjs.js',
  },
  // node_modules stay untransformed, except those packages (also when nested in another's)
  transformIgnorePatterns: [`/node_modules/(?!(.*/node_modules/)?${ESM_ONLY}/)`],
  // marked ships only ES modules; jest's CommonJS runtime loads its UMD build instead.
  // (Node >= 20.19 requires the ES module build natively at run time.)
  moduleNameMapper: { '^marked$': '<rootDir>/node_modules/marked/lib/marked.umd.js' },
};
