import { defineProject } from 'vitest/config';

// Packing, `npm install` and `next build` take minutes on a cold cache: the suite gets ten.
export default defineProject({
  test: {
    name: 'artifacts',
    include: ['test/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
