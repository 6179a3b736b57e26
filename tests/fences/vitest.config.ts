import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'fences', include: ['test/**/*.test.ts'] } });
