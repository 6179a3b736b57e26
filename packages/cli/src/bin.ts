#!/usr/bin/env node
import { runCli } from './cli.js';

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
}).then(
  (code) => {
    // Let pending writes flush instead of exiting mid-pipe.
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`cors-policy: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
