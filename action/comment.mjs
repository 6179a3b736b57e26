// Step 6: the report as ONE pull request comment, updated in place; the job summary always has it.
import { readEvent, isForkPr, prNumber } from './lib/event.mjs';
import { gitHubClient, upsertComment } from './lib/github.mjs';
import { readBoolean, runStep } from './lib/inputs.mjs';
import { fitComment, notPostedNote, renderReport } from './lib/report.mjs';
import { readState } from './lib/state.mjs';
import { recordedVerdict } from './lib/recorded-verdict.mjs';
import { annotate, appendSummary, info } from './lib/workflow.mjs';

await runStep(async () => {
  const env = process.env;
  const event = readEvent(env);
  const verdict = recordedVerdict(env, event);
  const body = renderReport({ check: readState('check'), diff: readState('diff'), site: readState('site'), verdict, artifactUrl: env.CORS_ARTIFACT_URL || undefined });
  const number = prNumber(event);

  let notPosted;
  if (!readBoolean('comment', env.INPUT_COMMENT, true)) notPosted = 'The "comment" input is off: this report is in the job summary only.';
  else if (number === undefined) notPosted = 'Not a pull request event: this report is in the job summary only.';
  else if (isForkPr(event, env.GITHUB_REPOSITORY)) {
    notPosted = 'This pull request comes from a fork: its token is read-only and cannot comment, so this report is in the job summary instead.';
  } else {
    try {
      const client = gitHubClient({ apiUrl: env.GITHUB_API_URL || 'https://api.github.com', token: env.GITHUB_TOKEN, repository: env.GITHUB_REPOSITORY });
      const done = await upsertComment(client, number, fitComment(body));
      info(`cors-policy: review comment ${done.action} (id ${done.id}).`);
    } catch (error) {
      notPosted = `Could not post the review comment (${error?.message ?? error}); does the workflow grant "pull-requests: write"? This report is in the job summary instead.`;
    }
  }
  if (notPosted) annotate('notice', { title: 'cors-policy: no PR comment' }, notPosted);
  appendSummary(notPosted ? `${notPostedNote(notPosted)}\n${body}` : body, env);
}, { annotate });
