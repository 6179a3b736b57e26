import { humanDuration, type AuditOrigin, type AuditRules } from '@org/cors-report';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { RiskBadge, SeverityBadge, VerdictBadge } from '../../../components/badges';
import { CodeBlock } from '../../../components/code-block';
import { Explainer } from '../../../components/explainer';
import { HeaderPairs } from '../../../components/header-pairs';
import { Prose } from '../../../components/prose';
import { getPolicies, getPolicy } from '../../../lib/policies';
import { displayHeaderName, originLabel, policyView, type DecisionRow, type FindingView } from '../../../lib/policy-view';
import { snippetsFor } from '../../../lib/snippets';

type Props = { params: Promise<{ name: string }> };

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await getPolicies()).map((p) => ({ name: p.name }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name } = await params;
  const entry = await getPolicy(name);
  return { title: name, description: entry?.policy.description };
}

const SECTIONS = [
  ['summary', 'In plain English'],
  ['origins', 'Who may call'],
  ['rules', 'Cookies, methods and headers'],
  ['side-by-side', 'Routes and environments'],
  ['findings', 'Lint findings'],
  ['decisions', 'Example requests'],
  ['what-if', 'What if…?'],
  ['snippets', 'Enforce it in code'],
] as const;

export default async function PolicyPage({ params }: Props) {
  const { name } = await params;
  const entry = await getPolicy(name);
  if (entry === undefined) notFound();
  const view = policyView(entry);
  const { model } = view;
  const { policy } = entry;
  const suggestions = [...new Set([...model.rules.origins, ...view.addedOrigins.flatMap((e) => e.origins)].map((o) => o.origin).filter((o) => o !== '*'))];
  const firstOrigin = model.rules.origins.find((o) => o.origin.startsWith('https://') && o.kind === 'exact')?.origin ?? suggestions[0] ?? 'https://app.example.com';

  return (
    <article className="policy">
      <header className="policy-header">
        <p className="eyebrow"><Link href="/">Policies</Link> / {model.name}</p>
        <h1>{model.name}</h1>
        {model.description !== undefined && <p className="lead">{model.description}</p>}
        <dl className="facts">
          <div><dt>Owners</dt><dd>{model.owners.length === 0 ? 'None listed' : model.owners.join(', ')}</dd></div>
          <div><dt>Overall risk</dt><dd><RiskBadge risk={view.risk} /></dd></div>
          <div><dt>Defined in</dt><dd><code>{view.module}</code>, export <code>{view.exportName}</code></dd></div>
          <div><dt>Environments</dt><dd>Production (base){model.environments.map((e) => `, ${e.name}`).join('')}</dd></div>
        </dl>
        {view.riskReasons.length > 0 && (
          <div className="risk-reasons small">
            <p>Why {view.risk} risk:</p>
            <ul>{view.riskReasons.map((r) => <li key={r}><Prose text={r} /></li>)}</ul>
          </div>
        )}
      </header>

      <nav aria-label="On this page" className="toc">
        <ol>
          {SECTIONS.map(([id, label]) => <li key={id}><a href={`#${id}`}>{label}</a></li>)}
        </ol>
      </nav>

      <section id="summary" aria-labelledby="summary-h">
        <h2 id="summary-h">In plain English</h2>
        <div className="summary">
          {model.summary.map((sentence) => <p key={sentence}><Prose text={sentence} /></p>)}
        </div>
      </section>

      <section id="origins" aria-labelledby="origins-h">
        <h2 id="origins-h">Who may call</h2>
        <p>
          Browsers send the calling page&apos;s origin (scheme, host and port); the policy compares it byte for byte with
          these entries. Production (base) policy:
        </p>
        <OriginsTable caption={`${policy.routes.length === 0 ? 'Every path' : 'All other paths'} — ${model.rules.credentials ? 'with cookies' : 'without cookies'}`} origins={model.rules.origins} />
        {model.routes.map((route) =>
          route.disabled ? (
            <p key={route.path} className="callout">Route <code>{route.path}</code>: CORS is off. No other website may read these responses in a browser.</p>
          ) : (
            <OriginsTable key={route.path} caption={<>Route <code>{route.path}</code> — {route.rules.credentials ? 'with cookies' : 'without cookies'}{route.overrides.includes('origins') ? '' : ' (origins inherited)'}</>} origins={route.rules.origins} />
          ),
        )}
        {view.addedOrigins.map((env) => (
          <div key={env.environment}>
            <h3>Added when loaded for {env.environment}</h3>
            {env.description !== undefined && <p className="muted">{env.description}</p>}
            <OriginsTable caption={`Origins the ${env.environment} overlay adds`} origins={env.origins} />
          </div>
        ))}
      </section>

      <section id="rules" aria-labelledby="rules-h">
        <h2 id="rules-h">Cookies, methods and headers</h2>
        <RulesList rules={model.rules} />
        <h3>Preflight answers</h3>
        {model.preflight.sentences.map((s) => <p key={s}><Prose text={s} /></p>)}
      </section>

      <section id="side-by-side" aria-labelledby="side-h">
        <h2 id="side-h">Routes and environments, side by side</h2>
        <p>
          The effective rules for every set of paths, once per environment, as the policy engine loads them. Route rules
          are tried in order and the first match wins; a field a rule does not set is inherited from the top level
          (marked &ldquo;inherited&rdquo;). Values that differ from production are marked &ldquo;changed&rdquo;.
        </p>
        {view.comparison.map((table) => (
          <div key={table.label}>
            <h3>{table.label}</h3>
            {table.description !== undefined && <p className="muted">{table.description}</p>}
            {model.environments.filter((e) => e.name === table.environment).map((e) => <p key={e.name}><Prose text={e.sentence} /></p>)}
            <div className="table-scroll" role="region" aria-label={`Effective rules, ${table.label}`} tabIndex={0}>
              <table className="compare">
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    {table.columns.map((c) => <th scope="col" key={c.key}>{c.isRoute ? <>Route <code>{c.label}</code></> : c.label}</th>)}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((row) => (
                    <tr key={row.field}>
                      <th scope="row">{row.field}</th>
                      {row.cells.map((cell, i) => (
                        <td key={i} className={[cell.changed ? 'changed' : '', cell.inherited ? 'inherited' : ''].join(' ').trim() || undefined}>
                          {cell.lines.map((line) => <div key={line}>{line}</div>)}
                          {cell.inherited && <span className="note">inherited</span>}
                          {cell.changed && <span className="visually-hidden"> (differs from production)</span>}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        ))}
      </section>

      <section id="findings" aria-labelledby="findings-h">
        <h2 id="findings-h">Lint findings</h2>
        {view.findings.open.length === 0 ? (
          <p>No open findings: the linter has nothing to report{view.findings.acknowledged.length > 0 ? ' beyond the acknowledged warnings below' : ''}.</p>
        ) : (
          <ul className="findings">{view.findings.open.map((f) => <Finding key={`${f.code} ${f.path}`} finding={f} />)}</ul>
        )}
        <h3>Acknowledged warnings</h3>
        {view.findings.acknowledged.length === 0 ? (
          <p className="muted">None: the owners have not accepted any warning.</p>
        ) : (
          <ul className="findings">{view.findings.acknowledged.map((f) => <Finding key={`${f.code} ${f.path}`} finding={f} />)}</ul>
        )}
      </section>

      <section id="decisions" aria-labelledby="decisions-h">
        <h2 id="decisions-h">Example requests</h2>
        <p>Canonical requests, answered by the policy engine when this page was built. &ldquo;Allowed&rdquo; means the calling page can read the response.</p>
        <DecisionTable rows={view.decisions} />
        {model.expectations.length > 0 && (
          <>
            <h3>The owners&apos; own examples</h3>
            <p>The policy states these intended verdicts; core checks them every time the policy loads, so a policy that contradicts them cannot ship.</p>
            <div className="table-scroll" role="region" aria-label="Owners' examples" tabIndex={0}>
              <table className="decisions">
                <thead>
                  <tr><th scope="col">Example</th><th scope="col">Request</th><th scope="col">Intended</th><th scope="col">Actual</th></tr>
                </thead>
                <tbody>
                  {model.expectations.map((e, i) => (
                    <tr key={i}>
                      <th scope="row">{e.description ?? `Example ${i + 1}`}{e.environment !== undefined && <span className="muted small"> ({e.environment})</span>}</th>
                      <td><RequestText request={e.request} /></td>
                      <td><VerdictBadge allowed={e.expected} /></td>
                      <td><VerdictBadge allowed={e.actual} /><p className="small">{e.summary}</p></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <section id="what-if" aria-labelledby="what-if-h">
        <h2 id="what-if-h">What if…?</h2>
        <Explainer
          source={policy.source}
          environments={policy.environments}
          origins={suggestions}
          initial={{ origin: firstOrigin, method: 'GET', path: '/', headers: '', credentials: policy.rules.credentials }}
        />
      </section>

      <section id="snippets" aria-labelledby="snippets-h">
        <h2 id="snippets-h">Enforce it in code</h2>
        <p>Every service imports the policy itself, so what this page shows is what the service enforces.</p>
        {snippetsFor({ module: view.module, exportName: view.exportName, environments: policy.environments }).map((s) => (
          <div key={s.id} className="snippet">
            <h3>{s.title} <span className="muted small">— <code>{s.file}</code>, package <code>{s.packageName}</code></span></h3>
            <CodeBlock code={s.code} label={`${s.title} example`} />
          </div>
        ))}
      </section>
    </article>
  );
}

function OriginsTable({ caption, origins }: { caption: ReactNode; origins: readonly AuditOrigin[] }) {
  return (
    <div className="table-scroll" role="region" aria-label={typeof caption === 'string' ? caption : 'Origins'} tabIndex={0}>
      <table className="origins">
        <caption>{caption}</caption>
        <thead><tr><th scope="col">Origin</th><th scope="col">Kind</th><th scope="col">What it lets through</th></tr></thead>
        <tbody>
          {origins.map((o) => (
            <tr key={o.origin}>
              <th scope="row"><code>{o.origin}</code></th>
              <td><RiskBadge risk={o.risk} label={originLabel(o)} /></td>
              <td>{o.notes.map((n) => <p key={n}><Prose text={n} /></p>)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RulesList({ rules }: { rules: AuditRules }) {
  return (
    <dl className="rules">
      <div>
        <dt>Credentials (cookies)</dt>
        <dd>{rules.credentials ? 'Yes: the browser sends the user\'s cookies and lets the page read the answer (Access-Control-Allow-Credentials: true).' : 'No: requests that include cookies are refused; anonymous requests work.'}</dd>
      </div>
      <div><dt>Methods</dt><dd>{rules.methods.join(', ')}</dd></div>
      <div>
        <dt>Allowed request headers</dt>
        <dd>{rules.allowHeaders.length === 0 ? 'None beyond the safelisted ones (Accept, Accept-Language, Content-Language, form Content-Type).' : rules.allowHeaders.map(displayHeaderName).join(', ')}</dd>
      </div>
      <div>
        <dt>Exposed response headers</dt>
        <dd>{rules.exposeHeaders.length === 0 ? 'None beyond the safelisted ones (Cache-Control, Content-Type, Expires…).' : rules.exposeHeaders.join(', ')}</dd>
      </div>
      <div>
        <dt>Preflight cache</dt>
        <dd>
          <Prose text={rules.maxAge.sentence} />
          <ul className="small">
            <li>Chromium (caps at 2 hours): {cacheText(rules.maxAge.seconds, rules.maxAge.chromium)}</li>
            <li>Firefox (caps at 24 hours): {cacheText(rules.maxAge.seconds, rules.maxAge.firefox)}</li>
          </ul>
        </dd>
      </div>
      <div><dt>Private Network Access</dt><dd>{rules.privateNetwork ? 'Allowed (deprecated in Chrome)' : 'Not allowed'}</dd></div>
    </dl>
  );
}

/** What one browser really caches, saying so when it caps the policy's value or uses its default. */
function cacheText(configured: number | undefined, effective: number): string {
  if (configured === undefined) return `${humanDuration(effective)} (browser default)`;
  if (effective === 0) return 'no caching: a preflight before every request that needs one';
  return effective < configured ? `${humanDuration(effective)} (capped)` : humanDuration(effective);
}

function Finding({ finding }: { finding: FindingView }) {
  return (
    <li className={`finding severity-${finding.severity}`}>
      <p>
        <SeverityBadge severity={finding.severity} /> <Link href={finding.ruleHref}><code>{finding.code}</code></Link>{' '}
        at <code>{finding.path}</code>
        {finding.ruleTitle !== undefined && <span className="muted"> — <Prose text={finding.ruleTitle} /></span>}
      </p>
      <p>{finding.message}</p>
      <p className="small"><strong>Fix:</strong> {finding.hint}</p>
      {finding.acknowledged !== undefined && <p className="small"><strong>Accepted because:</strong> {finding.acknowledged}</p>}
    </li>
  );
}

function RequestText({ request }: { request: { origin?: string | undefined; method?: string | undefined; path?: string | undefined; headers?: readonly string[] | undefined; credentials?: boolean | undefined } }) {
  const headers = request.headers ?? [];
  return (
    <span className="request">
      <code>{request.method ?? 'GET'} {request.path ?? '/'}</code>
      <br />
      <span className="small">from {request.origin === undefined ? <em>no Origin</em> : <code>{request.origin}</code>}</span>
      {headers.length > 0 && <><br /><span className="small">headers: {headers.join(', ')}</span></>}
      {request.credentials === true && <><br /><span className="small">with cookies</span></>}
    </span>
  );
}

function DecisionTable({ rows }: { rows: readonly DecisionRow[] }) {
  return (
    <div className="table-scroll" role="region" aria-label="Example requests" tabIndex={0}>
      <table className="decisions">
        <thead>
          <tr>
            <th scope="col">Scenario</th>
            <th scope="col">Request</th>
            <th scope="col">Preflight</th>
            <th scope="col">Verdict</th>
            <th scope="col">CORS headers on the response</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row"><Prose text={row.label} />{row.route !== undefined && <span className="muted small"> (route <code>{row.route}</code>)</span>}</th>
              <td><RequestText request={row.request} /></td>
              <td>{row.preflight === 'not needed' ? <span className="muted">Not needed</span> : row.preflight === 'allowed' ? 'Allowed' : 'Refused'}</td>
              <td><VerdictBadge allowed={row.allowed} /><p className="small"><Prose text={sentence(row.why)} /></p></td>
              <td>
                {row.preflight === 'refused'
                  ? <p className="muted small">Not sent: the browser stops at the refused preflight.</p>
                  : <HeaderPairs headers={row.responseHeaders} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** `the origin is listed` → `The origin is listed.` */
function sentence(text: string): string {
  const trimmed = text.trim().replace(/\.$/, '');
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}.`;
}
