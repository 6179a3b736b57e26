'use client';

import { definePolicy, explain } from '@org/cors-core';
import type { CorsPolicy, Explanation, PolicyInput } from '@org/cors-core';
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { VerdictBadge } from './badges';
import { HeaderPairs } from './header-pairs';

export interface ExplainerProps {
  /** The policy's validated input; loaded again here, in the browser, by the same core. */
  readonly source: PolicyInput;
  readonly environments: readonly string[];
  /** Suggestions for the origin field. */
  readonly origins: readonly string[];
  readonly initial: { readonly origin: string; readonly method: string; readonly path: string; readonly headers: string; readonly credentials: boolean };
}

interface Question {
  readonly environment: string;
  readonly origin: string;
  readonly method: string;
  readonly path: string;
  readonly headers: string;
  readonly credentials: boolean;
}

const BASE = '';
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * "What if a page on <origin> called <method> <path>…?" Answered by @org/cors-core's `explain()`
 * running in the visitor's browser: the same code the services run, not a copy of its logic.
 */
export function Explainer({ source, environments, origins, initial }: ExplainerProps) {
  const id = useId();
  const [draft, setDraft] = useState<Question>({ environment: BASE, ...initial });
  const [asked, setAsked] = useState<Question>(draft);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const policies = useMemo(() => new Map<string, CorsPolicy>(), [source]);
  const answer = useMemo(() => answerQuestion(source, policies, asked), [source, policies, asked]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAsked(draft);
  };
  const field = <K extends keyof Question>(key: K) => (value: Question[K]) => setDraft((d) => ({ ...d, [key]: value }));

  return (
    <div className="explainer">
      <form onSubmit={onSubmit} aria-describedby={`${id}-help`} data-hydrated={hydrated ? 'true' : 'false'}>
        <p id={`${id}-help`} className="muted small">
          Describe a <code>fetch()</code> made by a page on another site. The answer is computed in your browser by the
          same policy engine the services run.
        </p>
        <div className="form-grid">
          <label>
            Environment
            <select name="environment" value={draft.environment} onChange={(e) => field('environment')(e.target.value)}>
              <option value={BASE}>Production (base)</option>
              {environments.map((env) => (
                <option key={env} value={env}>{env}</option>
              ))}
            </select>
          </label>
          <label>
            Calling page origin
            <input name="origin" type="text" list={`${id}-origins`} value={draft.origin} onChange={(e) => field('origin')(e.target.value)}
              placeholder="https://app.example.com" spellCheck={false} autoComplete="off" aria-describedby={`${id}-origin-help`} />
            <span id={`${id}-origin-help`} className="muted small">Leave empty for a same-origin or server-to-server request.</span>
          </label>
          <datalist id={`${id}-origins`}>
            {origins.map((o) => <option key={o} value={o} />)}
          </datalist>
          <label>
            Method
            <input name="method" type="text" list={`${id}-methods`} value={draft.method} onChange={(e) => field('method')(e.target.value)} spellCheck={false} autoComplete="off" />
          </label>
          <datalist id={`${id}-methods`}>
            {METHODS.map((m) => <option key={m} value={m} />)}
          </datalist>
          <label>
            Path
            <input name="path" type="text" value={draft.path} onChange={(e) => field('path')(e.target.value)} spellCheck={false} autoComplete="off" />
          </label>
          <label>
            Headers the page sets
            <input name="headers" type="text" value={draft.headers} onChange={(e) => field('headers')(e.target.value)}
              placeholder="Content-Type, Authorization" spellCheck={false} autoComplete="off" />
          </label>
          <label className="checkbox">
            <input name="credentials" type="checkbox" checked={draft.credentials} onChange={(e) => field('credentials')(e.target.checked)} />
            With cookies (<code>credentials: &apos;include&apos;</code>)
          </label>
        </div>
        <button type="submit">Explain</button>
      </form>

      <output className="explainer-result" aria-live="polite" data-testid="explainer-result">
        {answer.kind === 'error' ? (
          <p role="alert">{answer.message}</p>
        ) : (
          <ExplanationView explanation={answer.explanation} />
        )}
      </output>
    </div>
  );
}

function ExplanationView({ explanation }: { explanation: Explanation }) {
  const pre = explanation.preflight.decision;
  return (
    <>
      <p className="verdict" data-testid="verdict">
        <VerdictBadge allowed={explanation.allowed} /> <span data-testid="summary">{explanation.summary}</span>
      </p>
      <ol className="steps">
        {explanation.steps.map((step, i) => <li key={i}>{step}</li>)}
      </ol>
      <div className="explainer-headers">
        {pre !== undefined && (
          <section aria-label="Preflight response">
            <h4>Preflight response{'status' in pre ? ` (${pre.status})` : ''}</h4>
            <HeaderPairs headers={pre.headers} />
          </section>
        )}
        {explanation.preflight.needed && pre?.kind !== 'preflight-allowed' ? (
          <p className="muted small">The browser stops at the refused preflight: the request itself is never sent.</p>
        ) : (
          <section aria-label="Response headers">
            <h4>Response CORS headers</h4>
            <HeaderPairs headers={explanation.actual.headers} />
          </section>
        )}
      </div>
    </>
  );
}

type Answer = { kind: 'ok'; explanation: Explanation } | { kind: 'error'; message: string };

function answerQuestion(source: PolicyInput, cache: Map<string, CorsPolicy>, q: Question): Answer {
  try {
    let policy = cache.get(q.environment);
    if (policy === undefined) {
      policy = definePolicy(source, q.environment === BASE ? {} : { environment: q.environment });
      cache.set(q.environment, policy);
    }
    const origin = q.origin.trim();
    const headers = q.headers.split(',').map((h) => h.trim()).filter((h) => h !== '');
    const explanation = explain(policy, {
      origin: origin === '' ? undefined : origin,
      method: q.method.trim() || 'GET',
      path: q.path.trim() || '/',
      headers,
      credentials: q.credentials,
    });
    return { kind: 'ok', explanation };
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}
