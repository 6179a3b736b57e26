/*
 * The /live page's browser script: plain ES2020, no dependencies, shipped inline after the table.
 * It reads the page's JSON data (see live-model.ts), calls every service from the page's own origin
 * and fills one cell per check and service. How a cell is told apart:
 *   - the CORS-mode fetch resolves            → allowed (the page can read the response);
 *   - it rejects, a `no-cors` fetch resolves  → refused by CORS (the service answered, the browser hid it);
 *   - both reject (or time out)               → service not running (a network error, not CORS).
 * Idempotent: a second run on the same root does nothing (the hosted site may inject it again after a
 * client-side navigation).
 * Kept free of the character sequence that would end an inline script element.
 */
export const LIVE_SCRIPT = String.raw`(() => {
  'use strict';
  const root = document.querySelector('[data-live-root]');
  if (root === null || root.getAttribute('data-started') === 'true') return;
  root.setAttribute('data-started', 'true');
  const data = JSON.parse(root.querySelector('script[data-live-data]').textContent);
  const TIMEOUT_MS = 8000;
  const origin = window.location.origin;
  const query = {};
  new URLSearchParams(window.location.search).forEach((value, key) => { query[key.toLowerCase()] = value; });
  const services = data.services.map((s) => {
    const wanted = query[s.id.toLowerCase()] ?? query[s.label.toLowerCase()];
    return { ...s, url: typeof wanted === 'string' && /^https?:\/\/[^\/\s?#]+$/.test(wanted) ? wanted : s.url };
  });
  const listed = data.predictions[origin];
  const predictions = listed ?? data.otherOrigin.predictions;
  const certain = listed !== undefined || data.otherOrigin.certain;

  const q = (selector) => root.querySelector(selector);
  const text = (el, value) => { el.textContent = value; return el; };
  const make = (tag, className, value) => { const el = document.createElement(tag); if (className) el.className = className; if (value !== undefined) el.textContent = value; return el; };

  q('[data-live-origin]').textContent = origin;
  for (const s of services) {
    const th = q('th[data-service="' + CSS.escape(s.id) + '"] [data-service-url]');
    if (th !== null) th.textContent = s.url;
  }
  for (const check of data.checks) {
    const cell = q('tr[data-check="' + CSS.escape(check.id) + '"] td[data-expected]');
    const p = predictions[check.id];
    cell.setAttribute('data-expected', certain ? (p.allowed ? 'allowed' : 'refused') : 'unknown');
    cell.replaceChildren(
      make('span', 'badge verdict-' + (certain ? (p.allowed ? 'allowed' : 'refused') : 'unknown'), certain ? (p.allowed ? 'Allowed' : 'Refused') : 'No prediction'),
      make('div', 'muted small', certain ? p.summary : 'This origin is not listed exactly and the policy has patterns: ask the explainer on the policy page.'),
    );
  }

  async function attempt(url, init) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    try {
      const response = await fetch(url, { ...init, cache: 'no-store', signal: controller.signal });
      return { ok: true, response };
    } catch {
      return { ok: false, timedOut: controller.signal.aborted };
    } finally {
      clearTimeout(timer);
    }
  }

  async function run(service, check) {
    const url = service.url + check.path;
    const cors = await attempt(url, { method: check.method, headers: check.headers, body: check.body, credentials: check.credentials ? 'include' : 'omit' });
    if (cors.ok) {
      await cors.response.text().catch(() => '');
      const header = check.readsHeader === undefined ? undefined : cors.response.headers.get(check.readsHeader);
      return { state: 'allowed', detail: (cors.response.status + ' ' + cors.response.statusText).trim(), header };
    }
    // A no-cors GET only fails on a network error: nothing listening, connection reset, DNS, timeout.
    const probe = await attempt(url, { method: 'GET', mode: 'no-cors', credentials: 'omit' });
    if (probe.ok) return { state: 'refused', detail: 'The service answered; the browser withheld the response.' };
    return { state: 'down', detail: 'Nothing answered at ' + service.url + (probe.timedOut ? ' within ' + TIMEOUT_MS / 1000 + ' s.' : '.') };
  }

  const LABELS = { allowed: 'Allowed', refused: 'Refused by CORS', down: 'Service not running', error: 'Check failed in the page' };
  let mismatches = 0;
  let down = 0;
  let unexpected = 0;
  function show(service, check, result) {
    const cell = q('tr[data-check="' + CSS.escape(check.id) + '"] td[data-service="' + CSS.escape(service.id) + '"]');
    const p = predictions[check.id];
    const judged = certain && (result.state === 'allowed' || result.state === 'refused');
    const matches = judged && (result.state === 'allowed') === p.allowed;
    if (judged && !matches) mismatches++;
    if (result.state === 'down') down++;
    cell.setAttribute('data-state', result.state);
    cell.setAttribute('data-readable', result.state === 'allowed' ? 'yes' : 'no');
    cell.setAttribute('data-as-predicted', judged ? String(matches) : 'n/a');
    const parts = [make('span', 'badge live-' + result.state, LABELS[result.state])];
    if (judged) parts.push(make('span', matches ? 'live-match' : 'live-mismatch', matches ? ' as predicted' : ' NOT as predicted'));
    parts.push(make('div', 'muted small', result.detail));
    if (check.readsHeader !== undefined && result.state === 'allowed') {
      const line = make('div', 'small', check.readsHeader + ': ');
      line.append(make('code', '', result.header ?? 'hidden'));
      parts.push(line);
    }
    cell.replaceChildren(...parts);
  }

  const status = q('[data-testid="live-status"]');
  text(q('[data-live-progress]'), 'Calling the services…');
  Promise.all(services.map(async (service) => {
    for (const check of data.checks) {
      let result;
      try { result = await run(service, check); } catch (error) { unexpected++; result = { state: 'error', detail: String(error) }; }
      show(service, check, result);
    }
  })).then(() => {
    status.setAttribute('data-mismatches', String(mismatches));
    status.setAttribute('data-down', String(down));
    status.setAttribute('data-done', 'true');
    const words = [];
    if (!certain) words.push('No prediction for this origin; each cell shows what the browser did.');
    else if (mismatches === 0) words.push('Every running service behaved exactly as the policy predicts.');
    else words.push(mismatches + (mismatches === 1 ? ' result differs' : ' results differ') + ' from the policy\'s prediction.');
    if (down > 0) words.push(down + (down === 1 ? ' request' : ' requests') + ' found no running service.');
    if (unexpected > 0) words.push(unexpected + ' checks failed inside the page; see the console.');
    text(q('[data-live-progress]'), words.join(' '));
  });
})();`;
