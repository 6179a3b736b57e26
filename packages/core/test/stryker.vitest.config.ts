import { defineProject } from 'vitest/config';

// Stryker's test run (stryker.config.json): every example test, without the property tests, whose
// thousands of generated cases per mutant would take the run well past an hour on two cores. The
// score is therefore a lower bound: what the named examples alone pin.
export default defineProject({
  root: `${import.meta.dirname}/..`,
  test: { name: 'core-mutation', include: ['test/**/*.test.ts'], exclude: ['test/properties.test.ts'], testTimeout: 60_000 },
});
