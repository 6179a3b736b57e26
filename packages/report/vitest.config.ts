import { defineProject } from 'vitest/config';

// The purity test parses every source file with TypeScript: give it room on a shared, noisy 2-core machine.
export default defineProject({ test: { name: 'report', include: ['test/**/*.test.ts'], testTimeout: 30_000 } });
