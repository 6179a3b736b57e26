import { defineProject } from 'vitest/config';

export default defineProject({
  // The CLI tests spawn real processes; give them room on a shared 2-core machine.
  test: { name: 'cli', include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 },
});
