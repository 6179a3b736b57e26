import { defineProject } from 'vitest/config';

// Real HTTP, real SQLite and a real PostgreSQL server: the waits for a listing take seconds.
export default defineProject({ test: { name: 'example-tenants', include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 } });
