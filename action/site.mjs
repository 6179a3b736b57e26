// Step 4: the auditor site (`cors-policy site <files> --out <dir>`), uploaded by the next step.
import { join } from 'node:path';
import { describeRunFailure, isUnknownCommand, runCli } from './lib/cli.mjs';
import { readBoolean, runStep } from './lib/inputs.mjs';
import { readState, workDir, writeState } from './lib/state.mjs';
import { annotate, echoUntrusted, info, setOutput } from './lib/workflow.mjs';

await runStep(async () => {
  const config = readState('config');
  if (!readBoolean('site', process.env.INPUT_SITE, true)) {
    writeState('site', { status: 'disabled' });
    setOutput('site-dir', '');
    return;
  }
  const out = join(workDir(), 'site');
  const result = await runCli(config.cli, ['site', '--out', out, '--', ...config.files.map((f) => f.arg)], {
    cwd: config.cwd,
    timeoutMs: config.timeoutSeconds * 1000,
  });
  echoUntrusted('cors-policy site: output', `${result.stdout}${result.stderr}`);
  if (isUnknownCommand(result, 'site')) {
    // An older CLI: say so plainly rather than fail the review over a missing extra.
    const reason = 'The auditor site was not built: this version of the cors-policy CLI has no "site" command (set "cli-version" to one that has it, or "site: false").';
    writeState('site', { status: 'skipped', reason });
    setOutput('site-dir', '');
    annotate('notice', { title: 'cors-policy site skipped' }, reason);
    return;
  }
  const failure = describeRunFailure(result, config.timeoutSeconds) ?? (result.code !== 0 ? 'exited with code 1: a policy has errors, so no site was built.' : undefined);
  if (failure) {
    writeState('site', { status: 'failed', reason: failure });
    setOutput('site-dir', '');
    annotate('error', { title: 'cors-policy site failed' }, `cors-policy site ${failure}`);
    return;
  }
  writeState('site', { status: 'built', dir: out });
  setOutput('site-dir', out);
  info(`cors-policy site: built in ${out}`);
}, { annotate });
