import { defineProject } from 'vitest/config';

// Browser scenarios start real services (Next included) and Chromium: give them room, and run one file at a time
// because every file shares 127.0.0.1:3000, the policy's allowed development origin.
export default defineProject({
  test: {
    name: 'e2e',
    include: ['test/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
