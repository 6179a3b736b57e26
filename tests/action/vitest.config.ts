import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'action',
    include: ['test/**/*.test.ts'],
    // Each scenario runs the whole action: several CLI processes and git on a shared 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
