import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'source-postgres', include: ['test/**/*.test.ts'] } });
