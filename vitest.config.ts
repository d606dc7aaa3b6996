import { defineConfig } from 'vitest/config';

// Three kinds of tests (see README): unit (pure logic), build (over a real build of the
// shipped content in .test-dist/) and e2e (Debian Chromium through playwright-core).
// The build and the static server are made once, in tests/helpers/global-setup.ts.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // Two cores: browser tests in parallel only fight each other.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'build', include: ['tests/build/**/*.test.ts'], globalSetup: ['tests/helpers/global-setup.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], globalSetup: ['tests/helpers/global-setup.ts'], fileParallelism: false } },
    ],
  },
});
