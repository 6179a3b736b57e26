import { renderOriginPage } from '@org/cors-report';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { HtmlPage } from '../../../components/html-page';
import { pageBody } from '../../../lib/page-body';
import { SITE_LINKS, getSite } from '../../../lib/site';

type Props = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await getSite()).origins.map((o) => ({ slug: o.slug }));
}

async function render(slug: string) {
  const { origins, views, sources } = await getSite();
  const entry = origins.find((o) => o.slug === slug);
  if (entry === undefined) return undefined;
  const slugByName = new Map(views.map((v) => [v.policy.name, v.slug]));
  return pageBody(renderOriginPage(entry, { links: SITE_LINKS, sources, policySlug: (name) => slugByName.get(name) }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await render((await params).slug);
  return { title: page?.title };
}

export default async function OriginPage({ params }: Props) {
  const page = await render((await params).slug);
  if (page === undefined) notFound();
  return <HtmlPage html={page.body} />;
}
