'use client';

import { definePolicy, explain, type PolicyInput } from '@org/cors-core';
import { useEffect, useMemo, useState } from 'react';
import { LIVE_CHECKS, runInBrowser, servicesFromQuery, type BrowserOutcome } from '../lib/live-checks';
import { VerdictBadge } from './badges';

export interface LiveTableProps {
  /** The policy the example services enforce (validated input; loaded again here by the same core). */
  readonly source: PolicyInput;
  /** The environment the services run with. */
  readonly environment: string;
}

type Results = Record<string, Record<string, BrowserOutcome | undefined>>;

/**
 * Calls every example service from this page's origin and shows what the browser allowed beside
 * what the policy predicts for this origin: one policy, four frameworks, the browser as judge.
 */
export function LiveTable({ source, environment }: LiveTableProps) {
  const [origin, setOrigin] = useState<string | undefined>(undefined);
  const [services, setServices] = useState<Record<string, string>>({});
  const [results, setResults] = useState<Results>({});
  const [done, setDone] = useState(false);

  const policy = useMemo(() => definePolicy(source, { environment }), [source, environment]);

  useEffect(() => {
    const found = servicesFromQuery(window.location.search);
    setOrigin(window.location.origin);
    setServices(found);
    let cancelled = false;
    void (async () => {
      for (const [name, url] of Object.entries(found)) {
        for (const check of LIVE_CHECKS) {
          const outcome = await runInBrowser(url, check);
          if (cancelled) return;
          setResults((r) => ({ ...r, [name]: { ...r[name], [check.id]: outcome } }));
        }
      }
      if (!cancelled) setDone(true);
    })();
    return () => { cancelled = true; };
  }, []);

  if (origin === undefined) return <p className="muted">Starting the checks in your browser…</p>;
  const names = Object.keys(services);
  let mismatches = 0;
  const rows = LIVE_CHECKS.map((check) => {
    const expected = explain(policy, { origin, method: check.method, path: check.path, headers: Object.keys(check.headers), credentials: check.credentials });
    const cells = names.map((name) => {
      const outcome = results[name]?.[check.id];
      if (outcome !== undefined && outcome.readable !== expected.allowed) mismatches++;
      return { name, outcome };
    });
    return { check, expected, cells };
  });

  return (
    <>
      <p data-testid="live-status" data-done={done ? 'true' : 'false'} data-mismatches={mismatches}>
        This page&apos;s origin is <code>{origin}</code>.{' '}
        {done
          ? mismatches === 0
            ? 'Every framework behaved exactly as the policy predicts.'
            : `${mismatches} result${mismatches === 1 ? '' : 's'} differ from the policy's prediction.`
          : 'Calling the services…'}
      </p>
      <div className="table-scroll">
        <table className="live-table">
          <caption className="visually-hidden">Browser verdicts per framework</caption>
          <thead>
            <tr>
              <th scope="col">Request from this page</th>
              <th scope="col">Policy predicts</th>
              {names.map((name) => <th scope="col" key={name}>{name}<br /><span className="muted small">{services[name]}</span></th>)}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ check, expected, cells }) => (
              <tr key={check.id} data-check={check.id}>
                <th scope="row">{check.title}</th>
                <td data-expected={expected.allowed ? 'allowed' : 'refused'}>
                  <VerdictBadge allowed={expected.allowed} />
                  <div className="muted small">{expected.summary}</div>
                </td>
                {cells.map(({ name, outcome }) => (
                  <td key={name} data-framework={name} data-readable={outcome === undefined ? 'pending' : outcome.readable ? 'yes' : 'no'}>
                    {outcome === undefined ? <span className="muted">…</span> : (
                      <>
                        <span className={`badge verdict-${outcome.readable ? 'allowed' : 'refused'}`}>{outcome.readable ? 'Readable' : 'Blocked'}</span>
                        {outcome.readable !== expected.allowed && <strong> (differs from the policy)</strong>}
                        <div className="muted small">{outcome.detail}</div>
                        {check.readsHeader !== undefined && outcome.readable && <div className="small">{check.readsHeader}: <code>{outcome.header ?? 'hidden'}</code></div>}
                      </>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
