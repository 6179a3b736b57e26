import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'loader',
    include: ['test/**/*.test.ts'],
    // Builds the loader and its worker once; policy modules run in that worker.
    globalSetup: ['test/build-loader.ts'],
    // Each module load starts a worker; give them room on a shared 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
