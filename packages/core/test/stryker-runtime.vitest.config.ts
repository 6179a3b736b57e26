import { defineProject } from 'vitest/config';

// The quick per-file mutation run of the request path (docs/mutation.md): only the test files that
// exercise the runtime (resolver, matchers, writers, loader). On a shared two-core machine the full
// example suite costs ~20 s per mutant; this one a few. Scores from it are a lower bound of the
// full run's (stryker.config.json): fewer tests can only kill fewer mutants.
export default defineProject({
  root: `${import.meta.dirname}/..`,
  test: {
    name: 'core-mutation-runtime',
    include: [
      'test/resolve-*.test.ts', 'test/request-*.test.ts', 'test/route-patterns-pinned.test.ts', 'test/origin-matching.test.ts', 'test/runtime*.test.ts',
      'test/vary*.test.ts', 'test/refusal.test.ts', 'test/*-pinned.test.ts', 'test/two-copies.test.ts', 'test/node-hot-path.test.ts',
      'test/sources-*.test.ts', 'test/node-observed-handler.test.ts', 'test/decision-events.test.ts', 'test/report-only.test.ts', 'test/origin-preparer.test.ts',
    ],
    testTimeout: 60_000,
    // One module graph for all files: 2–3× faster per mutant. Safe only with `ignoreStatic` (set in
    // stryker-runtime.config.json): a module evaluated under a static mutant would stay cached.
    isolate: false,
    // The linear-time budgets ("answers a megabyte-long Origin quickly") are met cold, but not always
    // under instrumentation on a loaded machine: a second try, warm, tells a slow run from a slow algorithm.
    retry: 2,
  },
});
