import { plural } from '@org/cors-report';
import Link from 'next/link';
import { RiskBadge } from '../components/badges';
import { getPolicyViews } from '../lib/policies';

export default async function PoliciesIndex() {
  const views = await getPolicyViews();
  return (
    <>
      <h1>CORS policies</h1>
      <p className="lead">
        A CORS policy decides which other websites may read an API&apos;s responses in a visitor&apos;s browser, with
        which methods and headers, and whether the visitor&apos;s cookies travel with the request. This site lists every
        policy in the workspace ({views.length} {views.length === 1 ? 'policy' : 'policies'}); each page explains one in
        plain English, shows its lint findings and answers example requests.
      </p>
      <table className="index-table">
        <caption className="visually-hidden">Policies</caption>
        <thead>
          <tr>
            <th scope="col">Policy</th>
            <th scope="col">Owners</th>
            <th scope="col">Overall risk</th>
            <th scope="col">Open findings</th>
            <th scope="col">Environments</th>
          </tr>
        </thead>
        <tbody>
          {views.map(({ model, ...a }) => (
            <tr key={model.name}>
              <th scope="row">
                <Link href={`/policies/${model.name}/`}>{model.name}</Link>
                {model.description !== undefined && <p className="muted small">{model.description}</p>}
              </th>
              <td>{model.owners.length === 0 ? <span className="muted">None listed</span> : model.owners.join(', ')}</td>
              <td><RiskBadge risk={a.risk} /></td>
              <td>
                {a.counts.warnings + a.counts.info === 0 ? 'None' : [a.counts.warnings > 0 ? plural(a.counts.warnings, 'warning') : '', a.counts.info > 0 ? plural(a.counts.info, 'note') : ''].filter(Boolean).join(', ')}
                {a.counts.acknowledged > 0 && <span className="muted small"> ({a.counts.acknowledged} acknowledged)</span>}
              </td>
              <td>{model.environments.length === 0 ? <span className="muted">Base only</span> : model.environments.map((e) => e.name).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Reading the risk levels</h2>
      <dl className="legend">
        <div><dt><RiskBadge risk="low" /></dt><dd>Only exact HTTPS sites the owners control may read responses (and, without cookies, pages on the visitor&apos;s own machine).</dd></div>
        <div><dt><RiskBadge risk="medium" /></dt><dd>A wider group may read: every subdomain of a domain, pages on the visitor&apos;s own machine with cookies, or any website without cookies; or lint warnings are still open.</dd></div>
        <div><dt><RiskBadge risk="high" /></dt><dd>Someone outside the owners&apos; control could read responses: unencrypted HTTP origins with cookies, the <code>null</code> origin, or an error-level finding.</dd></div>
      </dl>
    </>
  );
}
