import { renderIndexPage } from '@org/cors-report';
import { HtmlPage } from '../components/html-page';
import { pageBody } from '../lib/page-body';
import { SITE_LINKS, getSite } from '../lib/site';

export default async function PoliciesIndex() {
  const { views } = await getSite();
  return <HtmlPage html={pageBody(renderIndexPage(views, { links: SITE_LINKS })).body} />;
}
