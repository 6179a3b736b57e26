// The pull request, read from the event payload file the runner writes ($GITHUB_EVENT_PATH).
import { readFileSync } from 'node:fs';

/** The payload, or an empty object when the runner gave none. */
export function readEvent(env = process.env) {
  if (!env.GITHUB_EVENT_PATH) return {};
  return JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
}

/** A full commit id (SHA-1 or SHA-256), or undefined: anything else is refused. */
export function validSha(value) {
  const text = String(value ?? '').trim();
  return /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(text) ? text : undefined;
}

/** The label names on the pull request, exactly as GitHub sent them. */
export function prLabels(event) {
  const labels = event?.pull_request?.labels;
  return Array.isArray(labels) ? labels.map((label) => label?.name).filter((name) => typeof name === 'string') : [];
}

/** The pull request number, when the event is a pull request. */
export function prNumber(event) {
  const n = event?.pull_request?.number;
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** Whether the PR comes from another repository (a fork): its token cannot write comments. */
export function isForkPr(event, repository) {
  const head = event?.pull_request?.head?.repo?.full_name;
  return typeof head !== 'string' || head.toLowerCase() !== String(repository ?? '').toLowerCase();
}
