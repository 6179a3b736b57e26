import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'source-sqlite', include: ['test/**/*.test.ts'] } });
