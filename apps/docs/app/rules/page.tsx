import { renderRulesPage } from '@org/cors-report';
import type { Metadata } from 'next';
import { HtmlPage } from '../../components/html-page';
import { pageBody } from '../../lib/page-body';
import { SITE_LINKS } from '../../lib/site';

const page = pageBody(renderRulesPage({ links: SITE_LINKS }));

export const metadata: Metadata = { title: page.title, description: 'Every check the policy linter runs: what it catches, why, and how serious it is.' };

export default function RulesPage() {
  return <HtmlPage html={page.body} />;
}
