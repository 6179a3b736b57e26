import { RULES } from '@org/cors-core';
import type { Metadata } from 'next';
import { Prose } from '../../components/prose';


export const metadata: Metadata = { title: 'Rule reference', description: 'Every check the policy linter runs: what it catches, why, and how serious it is.' };

const SEVERITY_TEXT: Record<string, string> = {
  error: 'Error: the policy does not load',
  warning: 'Warning: reported, can be acknowledged with a justification',
  info: 'Note',
  'error with credentials, warning without': 'Error with credentials, warning without',
};

/** Rule families by code prefix, in the order a policy is usually read. */
function groups(): Array<[string, Array<[string, (typeof RULES)[keyof typeof RULES]]>]> {
  const byFamily = new Map<string, Array<[string, (typeof RULES)[keyof typeof RULES]]>>();
  for (const [code, doc] of Object.entries(RULES) as Array<[string, (typeof RULES)[keyof typeof RULES]]>) {
    const family = code.split('/')[0] ?? code;
    byFamily.set(family, [...(byFamily.get(family) ?? []), [code, doc]]);
  }
  return [...byFamily.entries()];
}

export default function RulesPage() {
  const families = groups();
  return (
    <>
      <h1>Rule reference</h1>
      <p className="lead">
        Every policy is checked against these {Object.keys(RULES).length} rules when it loads: in the services, in the
        command line tool and when this site is built. Errors stop a policy from loading; warnings load but are listed on
        the policy&apos;s page until the owners fix them or acknowledge them with a written justification.
      </p>
      <nav aria-label="Rule families" className="toc">
        <ol>
          {families.map(([family, rules]) => <li key={family}><a href={`#family-${family}`}>{family}</a> <span className="muted small">({rules.length})</span></li>)}
        </ol>
      </nav>
      {families.map(([family, rules]) => (
        <section key={family} id={`family-${family}`} aria-labelledby={`family-${family}-h`}>
          <h2 id={`family-${family}-h`}><code>{family}/…</code></h2>
          {rules.map(([code, doc]) => (
            <section key={code} id={code} className="rule" aria-labelledby={`${code}-h`}>
              <h3 id={`${code}-h`}>
                <a href={`#${code}`} className="anchor"><code>{code}</code></a>
              </h3>
              <dl>
                <div><dt>What</dt><dd><Prose text={doc.title} /></dd></div>
                <div><dt>Why it matters</dt><dd><Prose text={doc.why} /></dd></div>
                <div><dt>Severity</dt><dd><span className={`badge severity-${doc.severity.startsWith('error') ? 'error' : doc.severity}`}>{SEVERITY_TEXT[doc.severity] ?? doc.severity}</span></dd></div>
              </dl>
            </section>
          ))}
        </section>
      ))}
    </>
  );
}
