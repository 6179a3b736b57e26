import { EVENT_VALUE_CAP, sanitizeEventValue, type CorsDecisionEvent, type ReportOnlyChange } from '@org/cors-core/runtime';

/*
 * "Which callers would this policy change break?": report-only decision events (https://github.com/org/cors-policy-as-code/blob/main/docs/decision-events.md)
 * read line by line and folded into one row per caller. Event files are hostile input (anyone who can
 * send an Origin header writes into them): every line is checked, every string capped and escaped
 * again, and nothing in a line can make the summary grow beyond one row per distinct caller.
 */

/** The longest line read as an event (a longer one is refused, never parsed). */
export const MAX_EVENT_LINE_LENGTH = 64 * 1024;

const KINDS: ReadonlySet<string> = new Set(['preflight-allowed', 'preflight-refused', 'actual-allowed', 'actual-refused']);
const CHANGES: ReadonlySet<string> = new Set(['would-refuse', 'would-allow', 'would-change']);
const NAME_CAP = 128;
/** Distinct callers kept: beyond, events still count (`overflow`), so random origins cannot exhaust memory. */
export const MAX_REPORT_ONLY_CALLERS = 10_000;
const REASON_CAP = 64;

/** One line of an events file, read. */
export type EventLine =
  | { readonly type: 'event'; readonly event: CorsDecisionEvent; readonly time: number | undefined }
  /** Blank, or a JSON object that is no decision event (another log line of the same file). */
  | { readonly type: 'other' }
  | { readonly type: 'invalid'; readonly problem: string };

/**
 * Reads one line: a decision event on its own (`onDecision` written as JSON) or under `cors` (as
 * `decisionLogger` logs it, e.g. with pino), with an optional `time` (epoch milliseconds or an ISO
 * date) beside it or inside it. Never throws.
 */
export function parseEventLine(line: string): EventLine {
  if (line.length > MAX_EVENT_LINE_LENGTH) return { type: 'invalid', problem: `line is ${line.length} characters long (at most ${MAX_EVENT_LINE_LENGTH})` };
  if (line.trim() === '') return { type: 'other' };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { type: 'invalid', problem: 'not JSON' };
  }
  if (!isRecord(value)) return { type: 'invalid', problem: 'not a JSON object' };
  const inner = Object.prototype.hasOwnProperty.call(value, 'cors') ? value['cors'] : value;
  if (!isRecord(inner) || !Object.prototype.hasOwnProperty.call(inner, 'reportOnly')) {
    return inner === value ? { type: 'other' } : { type: 'invalid', problem: '`cors` is not a decision event object' };
  }
  const checked = checkEvent(inner);
  if (typeof checked === 'string') return { type: 'invalid', problem: checked };
  const time = readTime(Object.prototype.hasOwnProperty.call(inner, 'time') ? inner['time'] : value['time']);
  if (time === null) return { type: 'invalid', problem: '`time` is neither epoch milliseconds nor an ISO date' };
  return { type: 'event', event: checked, time };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `undefined` when absent, `null` when malformed. */
function readTime(value: unknown): number | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 && value < 8.64e15 ? value : null;
  if (typeof value === 'string' && value.length <= 40 && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}

/** The event with every string capped and escaped, or what is wrong with it. */
function checkEvent(raw: Record<string, unknown>): CorsDecisionEvent | string {
  const str = (key: string, cap: number): string | undefined => (typeof raw[key] === 'string' ? sanitizeEventValue(raw[key] as string, cap) : undefined);
  const nullable = (key: string, cap: number): string | null | undefined => (raw[key] === null ? null : str(key, cap));
  if (typeof raw['reportOnly'] !== 'boolean') return '`reportOnly` is not true or false';
  if (typeof raw['kind'] !== 'string' || !KINDS.has(raw['kind'])) return '`kind` is not a decision kind';
  const fields = {
    reason: str('reason', REASON_CAP),
    origin: str('origin', EVENT_VALUE_CAP.origin),
    method: str('method', EVENT_VALUE_CAP.method),
    path: str('path', EVENT_VALUE_CAP.path),
    policy: str('policy', NAME_CAP),
  };
  for (const [key, value] of Object.entries(fields)) if (value === undefined) return `\`${key}\` is not a string`;
  const route = nullable('route', EVENT_VALUE_CAP.path);
  if (route === undefined) return '`route` is neither a string nor null';
  const environment = nullable('environment', NAME_CAP);
  if (environment === undefined) return '`environment` is neither a string nor null';
  const event = { kind: raw['kind'], ...fields, route, environment, reportOnly: raw['reportOnly'] } as unknown as Record<string, unknown>;
  if (raw['reportOnly'] === true) {
    if (typeof raw['change'] !== 'string' || !CHANGES.has(raw['change'])) return 'report-only event: `change` is not would-refuse, would-allow or would-change';
    const enforced = raw['enforced'];
    if (!isRecord(enforced) || typeof enforced['kind'] !== 'string' || !KINDS.has(enforced['kind']) || typeof enforced['reason'] !== 'string') {
      return 'report-only event: `enforced` is not { kind, reason }';
    }
    event['change'] = raw['change'];
    event['enforced'] = { kind: enforced['kind'], reason: sanitizeEventValue(enforced['reason'], REASON_CAP) };
  }
  return event as unknown as CorsDecisionEvent;
}

/** One caller the candidate would treat differently: origin × route × method, per candidate and change. */
export interface ReportOnlyCaller {
  readonly change: ReportOnlyChange;
  readonly origin: string;
  /** The route rule that answered under the candidate, `null` for its top-level rules. */
  readonly route: string | null;
  readonly method: string;
  /** The candidate policy and environment. */
  readonly candidate: string;
  readonly environment: string | null;
  /** The first request path seen for this caller. */
  readonly samplePath: string;
  readonly count: number;
  /** The candidate's reason codes, with how often each was given. */
  readonly reasons: Readonly<Record<string, number>>;
  /** What the enforced policy answered (the first event's). */
  readonly enforced: { readonly kind: string; readonly reason: string };
  /** Epoch milliseconds; `undefined` when the events carry no time. */
  readonly firstSeen: number | undefined;
  readonly lastSeen: number | undefined;
}

/** What a set of event files says about a candidate policy. */
export interface ReportOnlySummary {
  /** Report-only events read. */
  readonly events: number;
  readonly totals: Readonly<Record<ReportOnlyChange, number>>;
  /** Callers, those the candidate would break first, then the most frequent. */
  readonly callers: readonly ReportOnlyCaller[];
  /** Lines that were not report-only events: enforced decision events, other log lines (and blank ones). */
  readonly skipped: { readonly enforced: number; readonly other: number; readonly invalid: number };
  /** Report-only events of callers beyond {@link MAX_REPORT_ONLY_CALLERS} distinct ones (counted in `totals`, not listed). */
  readonly overflow: number;
}

/** Folds events into a {@link ReportOnlySummary}, one at a time (files can be read as streams). Pure. */
export class ReportOnlyAccumulator {
  #events = 0;
  #totals: Record<ReportOnlyChange, number> = { 'would-refuse': 0, 'would-allow': 0, 'would-change': 0 };
  #skipped = { enforced: 0, other: 0, invalid: 0 };
  #overflow = 0;
  readonly #callers = new Map<string, { -readonly [K in keyof ReportOnlyCaller]: ReportOnlyCaller[K] } & { reasons: Record<string, number> }>();

  /** Adds one read line. */
  add(line: EventLine): void {
    if (line.type === 'other') this.#skipped.other++;
    else if (line.type === 'invalid') this.#skipped.invalid++;
    else if (!line.event.reportOnly || line.event.change === undefined) this.#skipped.enforced++;
    else this.#addEvent(line.event, line.time);
  }

  #addEvent(event: CorsDecisionEvent, time: number | undefined): void {
    const change = event.change as ReportOnlyChange;
    this.#events++;
    this.#totals[change]++;
    const key = JSON.stringify([change, event.policy, event.environment, event.origin, event.route, event.method]);
    let caller = this.#callers.get(key);
    if (caller === undefined) {
      if (this.#callers.size >= MAX_REPORT_ONLY_CALLERS) {
        this.#overflow++;
        return;
      }
      caller = {
        change, origin: event.origin, route: event.route, method: event.method, candidate: event.policy, environment: event.environment,
        samplePath: event.path, count: 0, reasons: Object.create(null) as Record<string, number>,
        enforced: event.enforced ?? { kind: 'unknown', reason: 'unknown' }, firstSeen: time, lastSeen: time,
      };
      this.#callers.set(key, caller);
    }
    caller.count++;
    caller.reasons[event.reason] = (caller.reasons[event.reason] ?? 0) + 1;
    if (time !== undefined) {
      if (caller.firstSeen === undefined || time < caller.firstSeen) caller.firstSeen = time;
      if (caller.lastSeen === undefined || time > caller.lastSeen) caller.lastSeen = time;
    }
  }

  summary(): ReportOnlySummary {
    const order: Record<ReportOnlyChange, number> = { 'would-refuse': 0, 'would-allow': 1, 'would-change': 2 };
    const callers = [...this.#callers.values()]
      .map((c) => ({ ...c, reasons: { ...c.reasons } }))
      .sort((a, b) => order[a.change] - order[b.change] || b.count - a.count || a.origin.localeCompare(b.origin));
    return { events: this.#events, totals: { ...this.#totals }, callers, skipped: { ...this.#skipped }, overflow: this.#overflow };
  }
}
