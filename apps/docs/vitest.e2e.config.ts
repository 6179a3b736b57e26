import { defineConfig } from 'vitest/config';

// Browser tests against the static export in out/ (run `build` first). One file at a time: a
// single Chromium, and the bad-policy build must never overlap another `next build`.
export default defineConfig({
  test: {
    name: 'docs-e2e',
    include: ['e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
