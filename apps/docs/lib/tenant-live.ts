/*
 * The live page's "tenant domains" section: the browser calls the example tenant service
 * (apps/example-tenants, started by scripts/start.sh on 4105 with its admin API on) from the page's own
 * origin, adds that origin to the service's table of tenant domains through the admin API, and
 * measures how long the runtime takes to let it in (the policy's refreshSeconds is 5: it relists every
 * 2.5 s), then removes it again. Markup plus one inline script (plain ES2020, idempotent, free of the
 * sequence that would end a script element); `?tenants=<url>` points it at another address.
 */

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Where scripts/start.sh runs the tenant service. */
export const TENANT_SERVICE_URL = 'http://127.0.0.1:4105';

const TENANT_SCRIPT = String.raw`(() => {
  'use strict';
  const root = document.querySelector('[data-tenant-root]');
  if (root === null || root.getAttribute('data-started') === 'true') return;
  root.setAttribute('data-started', 'true');
  const TIMEOUT_MS = 8000;
  const WAIT_MS = 15000;
  const origin = window.location.origin;
  const wanted = new URLSearchParams(window.location.search).get('tenants');
  const service = wanted !== null && /^https?:\/\/[^\/\s?#]+$/.test(wanted) ? wanted : root.getAttribute('data-service');
  const q = (id) => root.querySelector('[data-testid="' + id + '"]');
  const status = q('tenant-status');
  const result = q('tenant-result');
  const add = q('tenant-add');
  const remove = q('tenant-remove');
  root.querySelectorAll('[data-tenant-origin]').forEach((el) => { el.textContent = origin; });
  root.querySelectorAll('[data-tenant-service]').forEach((el) => { el.textContent = service; });

  async function attempt(url, init) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    try {
      return { ok: true, response: await fetch(url, { ...init, cache: 'no-store', credentials: 'omit', signal: controller.signal }) };
    } catch {
      return { ok: false };
    } finally {
      clearTimeout(timer);
    }
  }

  // allowed: the page reads the products; refused: the service answered, the browser withheld it;
  // down: not even a no-cors request was answered (nothing listening), which is not a CORS verdict.
  async function probe() {
    const url = service + '/api/products';
    const cors = await attempt(url, { method: 'GET' });
    if (cors.ok) { await cors.response.text().catch(() => ''); return 'allowed'; }
    return (await attempt(url, { method: 'GET', mode: 'no-cors' })).ok ? 'refused' : 'down';
  }

  const WORDS = {
    allowed: 'Allowed: this page\u2019s origin is a tenant domain, the page reads GET /api/products.',
    refused: 'Refused by CORS: the service answered, but this page\u2019s origin is not a tenant domain.',
    down: 'Service not running: nothing answered at ' + service + ' (start it with bash scripts/start.sh).',
  };
  function show(state) {
    status.setAttribute('data-state', state);
    status.replaceChildren(badge(state));
    const line = document.createElement('span');
    line.textContent = ' ' + WORDS[state];
    status.append(line);
    add.disabled = state !== 'refused';
    remove.disabled = state !== 'allowed';
  }
  function badge(state) {
    const el = document.createElement('span');
    el.className = 'badge live-' + state;
    el.textContent = { allowed: 'Allowed', refused: 'Refused by CORS', down: 'Service not running' }[state];
    return el;
  }
  function report(state, message, ms) {
    result.setAttribute('data-state', state);
    if (ms === undefined) result.removeAttribute('data-ms'); else result.setAttribute('data-ms', String(Math.round(ms)));
    result.textContent = message;
  }

  // Polls until the browser's verdict is goal: the milliseconds since since, or undefined on timeout.
  async function until(goal, since) {
    for (;;) {
      const state = await probe();
      if (state === goal) return performance.now() - since;
      if (state === 'down' || performance.now() - since > WAIT_MS) return undefined;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async function change(method, goal, verb) {
    add.disabled = true;
    remove.disabled = true;
    report('working', verb + ' ' + origin + '\u2026');
    const url = service + '/admin/tenant-domains' + (method === 'DELETE' ? '?origin=' + encodeURIComponent(origin) : '');
    const since = performance.now();
    const reply = await attempt(url, method === 'POST'
      ? { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ origin }) }
      : { method });
    if (!reply.ok) {
      report('error', 'The admin API did not answer this page (not running, or this origin is not in its TENANT_ADMIN_ORIGINS).');
      show(await probe());
      return;
    }
    if (!reply.response.ok) {
      const text = await reply.response.text().catch(() => '');
      report('error', 'The admin API said ' + reply.response.status + ': ' + text);
      show(await probe());
      return;
    }
    const ms = await until(goal, since);
    show(await probe());
    if (ms === undefined) report('error', 'Still not ' + goal + ' after ' + WAIT_MS / 1000 + ' s.');
    else report('done', (goal === 'allowed' ? 'Callable' : 'Refused again') + ' ' + Math.round(ms) + ' ms after the admin API stored the change (the policy relists its tenant domains every 2.5 s).', ms);
  }

  add.addEventListener('click', () => void change('POST', 'allowed', 'Adding'));
  remove.addEventListener('click', () => void change('DELETE', 'refused', 'Removing'));
  status.textContent = 'Calling the tenant service\u2026';
  probe().then(show);
})();`;

/** The section's HTML (markup and script); `service` is the default address of the tenant service. */
export function renderTenantSection(service: string = TENANT_SERVICE_URL): string {
  const url = escapeHtml(service);
  return `<section class="tenant-live" data-tenant-root data-service="${url}" aria-labelledby="tenant-heading">
<h2 id="tenant-heading">Tenant domains: an origin added at run time</h2>
<p>The tenant service at <code data-tenant-service>${url}</code> (<code>apps/example-tenants</code>) enforces a policy whose origins include
<code>{ source: 'tenant-domains', refreshSeconds: 5 }</code>: customer domains read from a SQLite table while it runs. This page&#39;s origin,
<code data-tenant-origin>(known once the page runs)</code>, is not one of them at first.</p>
<p data-testid="tenant-status" data-state="pending">The check runs in your browser; it needs JavaScript.</p>
<p><button type="button" data-testid="tenant-add" disabled>Add this page&#39;s origin as a tenant domain</button>
<button type="button" data-testid="tenant-remove" disabled>Remove it again</button></p>
<p data-testid="tenant-result" data-state="idle" class="small" aria-live="polite"></p>
<script>${TENANT_SCRIPT}</script>
</section>`;
}
