import { apiPolicy } from '@org/cors-policies';
import { renderLivePage } from '@org/cors-report';
import type { Metadata } from 'next';
import { HtmlPage } from '../../components/html-page';
import { LIVE_CHECKS, LIVE_ENVIRONMENT, LIVE_SERVICES } from '../../lib/live-checks';
import { renderTenantSection } from '../../lib/tenant-live';

// The policy the example services enforce (not necessarily one the site lists).
const page = renderLivePage({ policy: apiPolicy, environment: LIVE_ENVIRONMENT, checks: LIVE_CHECKS, services: LIVE_SERVICES, policyHref: `/policies/${apiPolicy.name}/` });
const tenantSection = renderTenantSection();

export const metadata: Metadata = {
  title: page.title,
  description: 'Your browser calls the example services and shows what it allowed, beside what the policy predicts.',
};

export default function LivePage() {
  return (
    <>
      <HtmlPage html={page.body} />
      <p>
        Served on <code>http://127.0.0.1:4000</code> (an origin the development overlay lists) the API calls are readable;
        served on <code>http://127.0.0.1:4010</code> (an origin no rule lists) they are refused, and only the public route
        stays readable. Start everything with <code>bash scripts/start.sh</code>.
      </p>
      <HtmlPage html={tenantSection} />
    </>
  );
}
