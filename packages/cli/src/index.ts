// Migration from other CORS libraries
export { migrateCorsOptions, policySourceFromMigration } from './migrate-options.js';
export type { MigrationNote, MigrationResult, MigrationSource } from './migrate-options.js';

// The CLI itself, for embedding and tests. Loading lives in @org/cors-loader, reports in @org/cors-report.
export { runCli } from './cli.js';
export { ExitCode, UsageError } from './cli-io.js';
export type { CliIo } from './cli-io.js';
