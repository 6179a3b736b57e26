// Step 7: pass or fail the job on what the earlier steps recorded.
import { readEvent, prLabels } from './lib/event.mjs';
import { readBoolean, runStep } from './lib/inputs.mjs';
import { readState } from './lib/state.mjs';
import { decide } from './lib/verdict.mjs';
import { annotate, info } from './lib/workflow.mjs';

await runStep(async () => {
  const env = process.env;
  const verdict = decide({
    check: readState('check'),
    diff: readState('diff'),
    site: readState('site'),
    failOnLoosening: readBoolean('fail-on-loosening', env.INPUT_FAIL_ON_LOOSENING, true),
    approvalLabel: env.INPUT_APPROVAL_LABEL ?? '',
    labels: prLabels(readEvent(env)),
  });
  for (const note of verdict.notes) info(`cors-policy: ${note}`);
  for (const failure of verdict.failures) annotate('error', { title: 'cors-policy gate' }, failure);
  if (verdict.pass) info('cors-policy gate: passes.');
  else process.exitCode = 1;
}, { annotate });
