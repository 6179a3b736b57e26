// The verdict on what the earlier steps recorded: the comment and the gate read it the same way.
import { prLabels } from './event.mjs';
import { readBoolean } from './inputs.mjs';
import { readState } from './state.mjs';
import { decide } from './verdict.mjs';

/** @param {NodeJS.ProcessEnv} env @param {unknown} event the pull request event payload */
export function recordedVerdict(env, event) {
  return decide({
    check: readState('check'),
    diff: readState('diff'),
    site: readState('site'),
    failOnLoosening: readBoolean('fail-on-loosening', env.INPUT_FAIL_ON_LOOSENING, true),
    approvalLabel: env.INPUT_APPROVAL_LABEL ?? '',
    labels: prLabels(event),
  });
}
