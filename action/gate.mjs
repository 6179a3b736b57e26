// Step 7: pass or fail the job on what the earlier steps recorded.
import { readEvent } from './lib/event.mjs';
import { runStep } from './lib/inputs.mjs';
import { recordedVerdict } from './lib/recorded-verdict.mjs';
import { annotate, info } from './lib/workflow.mjs';

await runStep(async () => {
  const env = process.env;
  const verdict = recordedVerdict(env, readEvent(env));
  for (const note of verdict.notes) info(`cors-policy: ${note}`);
  for (const failure of verdict.failures) annotate('error', { title: 'cors-policy gate' }, failure);
  if (verdict.pass) info('cors-policy gate: passes.');
  else process.exitCode = 1;
}, { annotate });
