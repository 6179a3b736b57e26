import { apiPolicyInput } from '@org/cors-policies';
import type { Metadata } from 'next';
import { LiveTable } from '../../components/live-table';

export const metadata: Metadata = {
  title: 'Live browser check',
  description: 'Your browser calls the four example services and shows what it allowed, beside what the policy predicts.',
};

const ENVIRONMENT = 'development';

export default function LivePage() {
  return (
    <>
      <h1>Live browser check</h1>
      <p className="lead">
        Your browser calls the four example services — Express, Koa, NestJS and Next.js, each enforcing the{' '}
        <a href={`/policies/${apiPolicyInput.name}/`}><code>{apiPolicyInput.name}</code></a> policy with its{' '}
        <code>{ENVIRONMENT}</code> overlay — from this page&apos;s origin. Each cell is the browser&apos;s own verdict: could
        this page read the response? Beside it, what the policy engine predicts for this origin.
      </p>
      <p>
        Served on <code>http://127.0.0.1:4000</code> (an origin the development overlay lists) the API calls are readable;
        served on <code>http://127.0.0.1:4010</code> (an origin no rule lists) they are blocked, and only the public route
        stays readable. Start everything with <code>bash scripts/start.sh</code>.
      </p>
      <LiveTable source={apiPolicyInput} environment={ENVIRONMENT} />
      <h2>How to read it</h2>
      <ul>
        <li><strong>Readable</strong>: the browser let the page read the response (the status is shown).</li>
        <li><strong>Blocked</strong>: the browser refused — <code>TypeError: Failed to fetch</code>; the console says why. For a refused preflight the request itself was never sent.</li>
        <li>A cell marked <em>differs from the policy</em> would mean a framework does not enforce the policy as written.</li>
      </ul>
    </>
  );
}
