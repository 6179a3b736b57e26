// Step 3: the semantic diff of each policy file against the pull request's base commit.
import { execFileSync } from 'node:child_process';
import { describeRunFailure, runCli } from './lib/cli.mjs';
import { readEvent, validSha } from './lib/event.mjs';
import { runStep } from './lib/inputs.mjs';
import { readState, writeState } from './lib/state.mjs';
import { annotate, echoUntrusted, info, setOutput } from './lib/workflow.mjs';

const hasCommit = (cwd, sha) => {
  try {
    execFileSync('git', ['cat-file', '-e', `${sha}^{commit}`], { cwd, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** Makes sure the base commit is in the clone: a shallow checkout has only the merge commit. */
function ensureCommit(cwd, sha) {
  if (hasCommit(cwd, sha)) return true;
  try {
    execFileSync('git', ['fetch', '--no-tags', '--depth=1', 'origin', sha], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch {
    return false;
  }
  return hasCommit(cwd, sha);
}

await runStep(async () => {
  const config = readState('config');
  const event = readEvent();
  const run = (args) => runCli(config.cli, args, { cwd: config.cwd, timeoutMs: config.timeoutSeconds * 1000 });

  if (event.pull_request === undefined) {
    const skipped = 'Not a pull request event: there is no base to compare with, so loosenings were not checked.';
    writeState('diff', { skipped, failures: [], loosening: false, files: [] });
    setOutput('loosening', 'false');
    annotate('notice', { title: 'cors-policy diff skipped' }, skipped);
    return;
  }
  const base = validSha(process.env.CORS_BASE_SHA);
  const failures = [];
  const files = [];
  if (base === undefined) {
    failures.push({ file: 'every policy file', reason: 'has no base: the pull request base commit id in the event is missing or not a hex commit id.' });
  } else if (!ensureCommit(config.cwd, base)) {
    failures.push({ file: 'every policy file', reason: `has no base: commit ${base} is not in the clone and could not be fetched (use actions/checkout with fetch-depth: 0).` });
  } else {
    for (const file of config.files) {
      const args = (format) => ['diff', '--format', format, '--', `git:${base}:${file.repoPath}`, file.arg];
      // Both formats at once: JSON decides, Markdown is for people.
      const [json, md] = await Promise.all([run(args('json')), run(args('md'))]);
      echoUntrusted(`cors-policy diff ${file.annotationPath}: stderr`, json.stderr);
      let reason = describeRunFailure(json, config.timeoutSeconds) ?? (json.code !== 0 ? 'exited with code 1: the base or head revision has errors (see the check step).' : undefined);
      let report;
      if (!reason) {
        try {
          report = JSON.parse(json.stdout);
        } catch {
          reason = `exited with code ${json.code} without a JSON report (did a policy never settle?).`;
        }
        if (report && typeof report.loosening !== 'boolean') reason = 'printed JSON that is not a diff report.';
      }
      reason ??= describeRunFailure(md, config.timeoutSeconds) ?? (md.code !== 0 || md.stdout.trim() === '' ? `gave no Markdown report (exit code ${md.code}).` : undefined);
      const markdown = md.stdout;
      if (reason) {
        failures.push({ file: file.annotationPath, reason });
        annotate('error', { file: file.annotationPath, title: 'cors-policy diff failed' }, `cors-policy diff ${reason}`);
        continue;
      }
      files.push({ file: file.annotationPath, loosening: report.loosening, markdown });
      if (report.loosening) annotate('warning', { file: file.annotationPath, line: 1, title: 'cors-policy: loosening' }, 'This change loosens the CORS policy: see the review comment or the job summary.');
    }
  }
  const loosening = files.some((f) => f.loosening);
  writeState('diff', { base, failures, loosening, files });
  setOutput('loosening', String(loosening));
  info(`cors-policy diff: ${loosening ? 'the change loosens a policy' : 'no loosening'}${failures.length > 0 ? `; ${failures.length} failed` : ''}.`);
}, { annotate });
