import { defineProject } from 'vitest/config';

// Property tests run thousands of cases: give them room on a shared, noisy 2-core machine.
export default defineProject({ test: { name: 'core', include: ['test/**/*.test.ts'], testTimeout: 60_000 } });
