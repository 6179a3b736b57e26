#!/usr/bin/env node
import { internalErrorLine, runCli } from './cli.js';
import { ExitCode } from './cli-io.js';

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
    // runCli handles its own errors; this is the last line of defence: one line, never a stack.
    process.stderr.write(`${internalErrorLine(error)}\n`);
    process.exitCode = ExitCode.Internal;
  },
);
