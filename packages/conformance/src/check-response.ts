import { browserRefusal } from './browser-verdict.js';
import { ConformanceApp } from './conformance-app.js';
import { headerList } from './header-list.js';
import type { ConformanceResponse } from './send-request.js';
import type { ConformanceVector } from './vector.js';

/**
 * Compares a response with a vector's expectations. Returns one readable line per mismatch, so an
 * empty array means the host conforms. Pure: the harness's own tests feed it hand-made responses.
 */
export function checkResponse(vector: ConformanceVector, response: ConformanceResponse): string[] {
  const { expect } = vector;
  const failures: string[] = [];
  const header = (name: string) => response.headers[name.toLowerCase()];
  const show = (value: unknown) => (value === undefined ? '(absent)' : JSON.stringify(value));

  const statuses: readonly number[] = typeof expect.status === 'number' ? [expect.status] : expect.status;
  if (!statuses.includes(response.status)) failures.push(`status: expected ${statuses.join(' or ')}, got ${response.status}`);

  for (const [name, value] of Object.entries(expect.headers ?? {})) {
    if (header(name) !== value) failures.push(`${name}: expected ${show(value)}, got ${show(header(name))}`);
  }
  for (const name of expect.absent ?? []) {
    if (header(name) !== undefined) failures.push(`${name}: expected absent, got ${show(header(name))}`);
  }

  const vary = headerList(header('vary')).map((token) => token.toLowerCase());
  for (const token of expect.vary ?? []) {
    if (!vary.includes(token.toLowerCase())) failures.push(`vary: expected token ${token} in ${show(header('vary'))}`);
  }
  for (const token of expect.noVary ?? []) {
    if (vary.includes(token.toLowerCase())) failures.push(`vary: expected no token ${token} in ${show(header('vary'))}`);
  }

  for (const [name, items] of Object.entries(expect.includes ?? {})) {
    const list = listItems(name, header(name));
    for (const item of items) {
      if (!list.includes(normalise(name, item))) failures.push(`${name}: expected item ${item} in ${show(header(name))}`);
    }
  }
  for (const [name, items] of Object.entries(expect.excludes ?? {})) {
    const list = listItems(name, header(name));
    for (const item of items) {
      if (list.includes(normalise(name, item))) failures.push(`${name}: expected no item ${item} in ${show(header(name))}`);
    }
  }

  if (expect.browser !== undefined) {
    const refusal = browserRefusal(vector.request, response.status, response.headers, expect.browser.credentials);
    const mode = expect.browser.credentials ? 'credentialed' : 'anonymous';
    if (expect.browser.allowed && refusal !== undefined) failures.push(`browser (${mode}): expected to proceed, refused: ${refusal}`);
    if (!expect.browser.allowed && refusal === undefined) failures.push(`browser (${mode}): expected to refuse, but it would proceed`);
  }

  // A throwing app's response comes from the framework's error handler, which may drop x-app-ran:
  // the vector's 500 status is the evidence that the app ran.
  if (vector.app?.throws !== true) {
    const ran = header(ConformanceApp.ranHeader) === ConformanceApp.ranValue;
    if (ran !== expect.appRan) failures.push(`app: expected ${expect.appRan ? 'to run' : 'not to run'}, ${ran ? 'it ran' : 'it did not'}`);
  }

  if (expect.maxDurationMs !== undefined && response.durationMs > expect.maxDurationMs) {
    failures.push(`duration: expected at most ${expect.maxDurationMs} ms, took ${Math.round(response.durationMs)} ms`);
  }
  return failures;
}

/** Fetch compares methods byte for byte and header names case-insensitively. */
function normalise(headerName: string, item: string): string {
  return headerName.toLowerCase() === 'access-control-allow-methods' ? item : item.toLowerCase();
}

function listItems(headerName: string, value: string | string[] | undefined): string[] {
  return headerList(value).map((item) => normalise(headerName, item));
}
