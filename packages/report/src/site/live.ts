import type { CorsPolicy } from '@org/cors-core';
import { escapeHtml as esc } from './escape.js';
import { buildLiveData, type LiveCheck, type LiveService } from './live-model.js';
import { LIVE_SCRIPT } from './live-script.js';

/** What the /live page needs: the policy the services enforce, how they load it, what to call. */
export interface LivePageInput {
  /** The base policy (the overlay for `environment` is applied here). */
  readonly policy: CorsPolicy;
  /** The environment the services load the policy with; `undefined` for production. */
  readonly environment?: string | undefined;
  readonly checks: readonly LiveCheck[];
  readonly services: readonly LiveService[];
  /** Link to the policy's page, e.g. `/policies/storefront-api/`. */
  readonly policyHref?: string | undefined;
}

/** The rendered page: a title, and the body (markup, styles, data and the inline script). */
export interface LivePage {
  readonly title: string;
  readonly body: string;
}

/**
 * Renders the live browser check: a table with one row per check and one column per service. In the
 * browser, the inline script calls every service from the page's own origin and marks each cell
 * allowed, refused by CORS (as predicted or not) or service not running. Pure: the same input gives
 * the same HTML; nothing runs until a browser loads it.
 *
 * @example renderLivePage({ policy, environment: 'development', checks, services }).body
 */
export function renderLivePage(input: LivePageInput): LivePage {
  const { policy, environment, checks, services } = input;
  const data = buildLiveData(policy, environment, checks, services);
  const policyName = input.policyHref === undefined ? `<code>${esc(policy.name)}</code>` : `<a href="${esc(input.policyHref)}"><code>${esc(policy.name)}</code></a>`;
  const envWords = environment === undefined ? 'as in production' : `with its <code>${esc(environment)}</code> overlay`;
  const serviceHeads = services.map((s) => `<th scope="col" data-service="${esc(s.id)}">${esc(s.label)}<span class="live-url muted small" data-service-url>${esc(s.url)}</span></th>`).join('');
  const rows = checks.map((check) => {
    const cells = services.map((s) => `<td data-service="${esc(s.id)}" data-framework="${esc(s.label)}" data-state="pending" data-readable="pending"><span class="muted">…</span></td>`).join('');
    return `<tr data-check="${esc(check.id)}"><th scope="row">${esc(check.title)}<div class="muted small"><code>${esc(requestLine(check))}</code></div></th><td data-expected="pending"><span class="muted">…</span></td>${cells}</tr>`;
  }).join('\n');
  const example = services[0] === undefined ? '' : `<code>?${esc(services[0].id)}=http://127.0.0.1:5000</code>`;

  const body = `<style>${LIVE_CSS}</style>
<div class="live" data-live-root>
<h1>Live browser check</h1>
<p class="lead">Your browser calls ${services.length === 1 ? 'the service' : `the ${services.length} services`} below, each enforcing the ${policyName} policy ${envWords}, from this page&#39;s origin. Each cell is the browser&#39;s own verdict, beside what the policy engine predicts for this origin.</p>
<p data-testid="live-status" data-done="false" data-mismatches="0" data-down="0">This page&#39;s origin is <code data-live-origin>(known once the page runs)</code>. <span data-live-progress>The checks run in your browser; they need JavaScript.</span></p>
<table class="live-table">
<caption class="visually-hidden">Browser verdicts per service</caption>
<thead><tr><th scope="col">Request from this page</th><th scope="col">Policy predicts</th>${serviceHeads}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2>How to read it</h2>
<ul>
<li><strong>Allowed</strong>: the browser let the page read the response (its status is shown).</li>
<li><strong>Refused by CORS</strong>: the service answered (a <code>no-cors</code> request reached it) but the browser refused the page access; the console says why. For a refused preflight the request itself was never sent.</li>
<li><strong>Service not running</strong>: not even a <code>no-cors</code> request got an answer: a network error, not a CORS verdict.</li>
<li><em>NOT as predicted</em> would mean a service does not enforce the policy as written.</li>
</ul>
<p>Point a column at another address with the query string, e.g. ${example}.</p>
<script type="application/json" data-live-data>${jsonForScript(data)}</script>
<script>${LIVE_SCRIPT}</script>
</div>`;
  return { title: 'Live browser check', body };
}

/** Styles for the live table only: fixed layout so six columns fit a 1280 px window without scrolling. */
export const LIVE_CSS = [
  '.live-table{width:100%;table-layout:fixed;border-collapse:collapse}',
  '.live-table th,.live-table td{vertical-align:top;overflow-wrap:anywhere;word-break:break-word}',
  '.live-table thead th:first-child{width:22%}',
  '.live-table thead th:nth-child(2){width:20%}',
  '.live-url{display:block;font-weight:normal;text-transform:none;letter-spacing:normal}',
  '.live-match{color:#1a7f37}',
  '.live-mismatch{color:#b42318;font-weight:bold}',
  '.live-table .badge{white-space:normal}',
  '.badge.live-allowed{background:#dcfce7;color:#14532d}',
  '.badge.live-refused{background:#fee2e2;color:#7f1d1d}',
  '.badge.live-down,.badge.live-error{background:#e5e7eb;color:#111827}',
  '.badge.verdict-unknown{background:#e5e7eb;color:#111827}',
].join('');

function requestLine(check: LiveCheck): string {
  const extras = [...Object.keys(check.headers), ...(check.credentials ? ['cookies'] : [])];
  return `${check.method} ${check.path}${extras.length === 0 ? '' : ` (${extras.join(', ')})`}`;
}

/** JSON safe inside a `<script>` element: no `<` (so no closing tag or comment opener), no U+2028/9. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

