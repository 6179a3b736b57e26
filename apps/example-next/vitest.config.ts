import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'example-next', include: ['test/**/*.test.ts'] } });
