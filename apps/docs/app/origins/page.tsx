import { renderOriginsPage } from '@org/cors-report';
import type { Metadata } from 'next';
import { HtmlPage } from '../../components/html-page';
import { pageBody } from '../../lib/page-body';
import { SITE_LINKS, getSite } from '../../lib/site';

export const metadata: Metadata = { title: 'Origins', description: 'Every calling website any policy names, and which APIs its pages may read.' };

export default async function OriginsPage() {
  const { origins, sources } = await getSite();
  return <HtmlPage html={pageBody(renderOriginsPage(origins, { links: SITE_LINKS, sources })).body} />;
}
