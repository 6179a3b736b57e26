import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'cli',
    include: ['test/**/*.test.ts'],
    // Builds the current source into a throw-away bin once; the tests run it as a real subprocess.
    globalSetup: ['test/build-cli.ts'],
    // The CLI tests spawn real processes; give them room on a shared 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
