import { checkExpectations } from '@org/cors-core';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RiskBadge, SeverityBadge, VerdictBadge } from '../../../components/badges';
import { CodeBlock } from '../../../components/code-block';
import { Explainer } from '../../../components/explainer';
import { HeaderPairs } from '../../../components/header-pairs';
import { auditPolicy, type FindingView, type RulesView } from '../../../lib/audit-model';
import { decisionTable, type DecisionRow } from '../../../lib/decision-table';
import { getPolicies, getPolicy } from '../../../lib/policies';
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
  const audit = auditPolicy(entry);
  const { policy } = entry;
  const rows = decisionTable(policy);
  const expectations = checkExpectations(policy);
  const top = audit.base.contexts[0];
  const allOrigins = [...new Set([audit.base, ...audit.environments].flatMap((e) => e.contexts.flatMap((c) => c.origins.map((o) => o.origin))).filter((o) => o !== '*'))];
  const firstOrigin = top?.origins.find((o) => o.kind === 'exact-https')?.origin ?? allOrigins[0] ?? 'https://app.example.com';

  return (
    <article className="policy">
      <header className="policy-header">
        <p className="eyebrow"><Link href="/">Policies</Link> / {audit.name}</p>
        <h1>{audit.name}</h1>
        {audit.description !== undefined && <p className="lead">{audit.description}</p>}
        <dl className="facts">
          <div><dt>Owners</dt><dd>{audit.owners.length === 0 ? 'None listed' : audit.owners.join(', ')}</dd></div>
          <div><dt>Overall risk</dt><dd><RiskBadge risk={audit.risk} /></dd></div>
          <div><dt>Defined in</dt><dd><code>{audit.module}</code>, export <code>{audit.exportName}</code></dd></div>
          <div><dt>Environments</dt><dd>Production (base){audit.environments.map((e) => `, ${e.name}`).join('')}</dd></div>
        </dl>
        {audit.riskReasons.length > 0 && (
          <p className="small muted">Why {audit.risk === 'low' ? 'low' : audit.risk}: {audit.riskReasons.join('; ')}.</p>
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
          {audit.summary.map((sentence, i) => <p key={i}>{sentence}</p>)}
        </div>
      </section>

      <section id="origins" aria-labelledby="origins-h">
        <h2 id="origins-h">Who may call</h2>
        <p>Browsers send the calling page&apos;s origin (scheme, host and port); the policy compares it byte for byte with these entries. Production (base) policy:</p>
        {audit.base.contexts.map((ctx) => <OriginsTable key={ctx.key} ctx={ctx} />)}
        {audit.environments.filter((e) => e.addedOrigins.length > 0).map((env) => (
          <div key={env.name}>
            <h3>Added in {env.name}</h3>
            {env.description !== undefined && <p className="muted">{env.description}</p>}
            <OriginsTable ctx={{ ...env.contexts[0]!, origins: env.contexts[0]!.origins.filter((o) => env.addedOrigins.includes(o.origin)) }} caption={`Origins added by the ${env.name} overlay`} />
          </div>
        ))}
      </section>

      <section id="rules" aria-labelledby="rules-h">
        <h2 id="rules-h">Cookies, methods and headers</h2>
        {top !== undefined && <RulesList ctx={top} />}
        <h3>Preflight answers</h3>
        <p>
          Allowed preflights are answered with status {policy.preflight.successStatus}
          {policy.preflight.continueToApp ? ' and then handed to the application' : ''}; refused ones with{' '}
          {policy.preflight.refusedStatus} and no CORS headers.{' '}
          {policy.preflight.vary ? 'Preflight responses carry Vary on Origin and the Access-Control-Request headers, so shared caches keep answers apart.' : 'Preflight responses carry no Vary header (the owners state that no cache stores OPTIONS responses).'}
        </p>
      </section>

      <section id="side-by-side" aria-labelledby="side-h">
        <h2 id="side-h">Routes and environments, side by side</h2>
        <p>
          The effective rules for every set of paths, once per environment, as the policy engine loads them. Route rules
          are tried in order and the first match wins; a field a rule does not set is inherited from the top level (marked
          &ldquo;inherited&rdquo;). Values that differ from production are marked &ldquo;changed&rdquo;.
        </p>
        {audit.comparison.map((table) => (
          <div key={table.label}>
            <h3>{table.label}</h3>
            {table.description !== undefined && <p className="muted">{table.description}</p>}
            <div className="table-scroll" role="region" aria-label={`Effective rules, ${table.label}`} tabIndex={0}>
              <table className="compare">
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    {table.columns.map((c) => (
                      <th scope="col" key={c.key}>{c.isRoute ? <>Route <code>{c.label}</code></> : c.label}</th>
                    ))}
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
        {audit.findings.open.length === 0 ? (
          <p>No open findings: the linter has nothing to report{audit.findings.acknowledged.length > 0 ? ' beyond the acknowledged warnings below' : ''}.</p>
        ) : (
          <ul className="findings">{audit.findings.open.map((f, i) => <Finding key={i} finding={f} />)}</ul>
        )}
        <h3>Acknowledged warnings</h3>
        {audit.findings.acknowledged.length === 0 ? (
          <p className="muted">None: the owners have not accepted any warning.</p>
        ) : (
          <ul className="findings">{audit.findings.acknowledged.map((f, i) => <Finding key={i} finding={f} />)}</ul>
        )}
      </section>

      <section id="decisions" aria-labelledby="decisions-h">
        <h2 id="decisions-h">Example requests</h2>
        <p>Canonical requests, answered by the policy engine when this page was built. &ldquo;Allowed&rdquo; means the calling page can read the response.</p>
        <DecisionTable rows={rows} />
        {expectations.length > 0 && (
          <>
            <h3>The owners&apos; own examples</h3>
            <p>The policy states these intended verdicts; core checks them every time the policy loads, so a policy that contradicts them cannot ship.</p>
            <div className="table-scroll" role="region" aria-label="Owners' examples" tabIndex={0}>
              <table className="decisions">
                <thead>
                  <tr><th scope="col">Example</th><th scope="col">Request</th><th scope="col">Intended</th><th scope="col">Actual</th></tr>
                </thead>
                <tbody>
                  {expectations.map((r) => (
                    <tr key={r.index}>
                      <th scope="row">{r.expectation.description ?? `Example ${r.index + 1}`}{r.expectation.environment !== undefined && <span className="muted small"> ({r.expectation.environment})</span>}</th>
                      <td><RequestText origin={r.expectation.request.origin} method={r.expectation.request.method ?? 'GET'} path={r.expectation.request.path ?? '/'} headers={r.expectation.request.headers ?? []} credentials={r.expectation.request.credentials ?? false} /></td>
                      <td><VerdictBadge allowed={r.expectation.allowed} /></td>
                      <td><VerdictBadge allowed={r.explanation.allowed} /><p className="small">{r.explanation.summary}</p></td>
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
          origins={allOrigins}
          initial={{ origin: firstOrigin, method: 'GET', path: rows[0]?.request.path ?? '/', headers: '', credentials: top?.credentials ?? false }}
        />
      </section>

      <section id="snippets" aria-labelledby="snippets-h">
        <h2 id="snippets-h">Enforce it in code</h2>
        <p>Every service imports the policy itself, so what this page shows is what the service enforces.</p>
        {snippetsFor({ module: audit.module, exportName: audit.exportName, environments: policy.environments }).map((s) => (
          <div key={s.id} className="snippet">
            <h3>{s.title} <span className="muted small">— <code>{s.file}</code>, package <code>{s.packageName}</code></span></h3>
            <CodeBlock code={s.code} label={`${s.title} example`} />
          </div>
        ))}
      </section>
    </article>
  );
}

function OriginsTable({ ctx, caption }: { ctx: RulesView; caption?: string }) {
  if (ctx.disabled) {
    return <p className="callout">Route <code>{ctx.path}</code>: CORS is off. No origin may read these responses in a browser.</p>;
  }
  return (
    <div className="table-scroll" role="region" aria-label={caption ?? ctx.label} tabIndex={0}>
      <table className="origins">
        <caption>{caption ?? (ctx.path === undefined ? ctx.label : <>Route <code>{ctx.path}</code></>)}{ctx.credentials ? ' — with cookies' : ' — without cookies'}</caption>
        <thead><tr><th scope="col">Origin</th><th scope="col">Kind</th><th scope="col">What it lets through</th></tr></thead>
        <tbody>
          {ctx.origins.map((o) => (
            <tr key={o.origin}>
              <th scope="row"><code>{o.origin}</code></th>
              <td><RiskBadge risk={o.risk} label={o.label} /><span className="visually-hidden"> ({o.risk} risk)</span></td>
              <td>{o.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RulesList({ ctx }: { ctx: RulesView }) {
  return (
    <dl className="rules">
      <div>
        <dt>Credentials (cookies)</dt>
        <dd>{ctx.credentials ? 'Yes: the browser sends the user\'s cookies and lets the page read the answer (Access-Control-Allow-Credentials: true).' : 'No: requests that include cookies are refused; anonymous requests work.'}</dd>
      </div>
      <div><dt>Methods</dt><dd>{ctx.methods.join(', ')}</dd></div>
      <div>
        <dt>Allowed request headers</dt>
        <dd>{ctx.allowHeaders.length === 0 ? 'None beyond the safelisted ones (Accept, Accept-Language, Content-Language, form Content-Type).' : ctx.allowHeaders.join(', ')}</dd>
      </div>
      <div>
        <dt>Exposed response headers</dt>
        <dd>{ctx.exposeHeaders.length === 0 ? 'None beyond the safelisted ones (Cache-Control, Content-Type, Expires…).' : ctx.exposeHeaders.join(', ')}</dd>
      </div>
      <div>
        <dt>Preflight cache</dt>
        <dd>
          {ctx.maxAge.text}{ctx.maxAge.seconds !== undefined && <> ({ctx.maxAge.seconds} s)</>}
          <ul className="small">
            <li>Chromium (cap 2 hours): {ctx.maxAge.chromium}</li>
            <li>Firefox (cap 24 hours): {ctx.maxAge.firefox}</li>
          </ul>
        </dd>
      </div>
      <div><dt>Private Network Access</dt><dd>{ctx.privateNetwork ? 'Allowed (deprecated in Chrome)' : 'Not allowed'}</dd></div>
    </dl>
  );
}

function Finding({ finding }: { finding: FindingView }) {
  return (
    <li className={`finding severity-${finding.severity}`}>
      <p>
        <SeverityBadge severity={finding.severity} /> <Link href={finding.ruleHref}><code>{finding.code}</code></Link>{' '}
        at <code>{finding.path}</code>
        {finding.ruleTitle !== undefined && <span className="muted"> — {finding.ruleTitle}</span>}
      </p>
      <p>{finding.message}</p>
      <p className="small"><strong>Fix:</strong> {finding.hint}</p>
      {finding.acknowledged !== undefined && <p className="small"><strong>Accepted because:</strong> {finding.acknowledged}</p>}
    </li>
  );
}

function RequestText({ origin, method, path, headers, credentials }: { origin: string; method: string; path: string; headers: readonly string[]; credentials: boolean }) {
  return (
    <span className="request">
      <code>{method} {path}</code>
      <br />
      <span className="small">from {origin === '' ? <em>no Origin</em> : <code>{origin}</code>}</span>
      {headers.length > 0 && <><br /><span className="small">headers: {headers.join(', ')}</span></>}
      {credentials && <><br /><span className="small">with cookies</span></>}
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
            <tr key={`${row.title}-${row.environment ?? ''}`}>
              <th scope="row">{row.title}</th>
              <td><RequestText {...row.request} /></td>
              <td>{row.preflight === 'none' ? <span className="muted">Not needed</span> : <>{row.preflight.allowed ? 'Allowed' : 'Refused'}{row.preflight.status !== undefined && ` (${row.preflight.status})`}</>}</td>
              <td><VerdictBadge allowed={row.allowed} /><p className="small">{row.summary}</p></td>
              <td>
                {row.preflight !== 'none' && !row.preflight.allowed
                  ? <p className="muted small">Not sent: the browser stops at the refused preflight.</p>
                  : <HeaderPairs headers={row.headers} empty={row.request.origin === '' ? 'None needed' : 'None'} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
