import { defineProject } from 'vitest/config';

/*
 * One fork, run alone: the hosts and the client share this process, whose heap the suite measures
 * (`--expose-gc`), and Nest's server takes its header limit from `--max-http-header-size`.
 * RELIABILITY_REQUESTS (default 10⁶ per host) bounds the run.
 */
export default defineProject({
  test: {
    name: 'reliability',
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    execArgv: ['--expose-gc', '--max-http-header-size=262144'],
    fileParallelism: false,
    testTimeout: 30 * 60_000,
    hookTimeout: 60_000,
  },
});
