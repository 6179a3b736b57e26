// Step 2: `cors-policy check --format json`, one annotation per finding, result for the gate.
import { describeRunFailure, runCli } from './lib/cli.mjs';
import { annotateFile, readCheckReport } from './lib/check-report.mjs';
import { runStep } from './lib/inputs.mjs';
import { readState, writeState } from './lib/state.mjs';
import { annotate, echoUntrusted, info, setOutput } from './lib/workflow.mjs';

await runStep(async () => {
  const config = readState('config');
  const result = await runCli(config.cli, ['check', '--format', 'json', '--', ...config.files.map((f) => f.arg)], {
    cwd: config.cwd,
    timeoutMs: config.timeoutSeconds * 1000,
  });
  echoUntrusted('cors-policy check: stderr', result.stderr);
  let failure = describeRunFailure(result, config.timeoutSeconds);
  const parsed = result.code === null ? {} : readCheckReport(result, config.files);
  failure ??= parsed.failure;
  const loadFailures = [];
  if (parsed.report) {
    for (const file of config.files) {
      const entry = parsed.report.files.find((r) => r.file === file.arg);
      if (entry) loadFailures.push(...annotateFile(entry, file, config.cwd, console.log));
    }
  }
  if (!failure && loadFailures.length > 0) failure = loadFailures.join(' ');
  const reported = parsed.report?.summary?.errors ?? 0;
  // A check that did not give a trustworthy answer counts as an error: never "0 errors".
  const errors = reported + (failure && reported === 0 ? 1 : 0);
  writeState('check', { failure, errors, summary: parsed.report?.summary ?? null, exitCode: result.code });
  setOutput('errors', String(errors));
  if (failure) annotate('error', { title: 'cors-policy check failed' }, `cors-policy check ${failure}`);
  else info(`cors-policy check: ${reported} error${reported === 1 ? '' : 's'}, ${parsed.report.summary.warnings} warning${parsed.report.summary.warnings === 1 ? '' : 's'}.`);
}, { annotate });
