import { renderPolicyPage } from '@org/cors-report';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CodeBlock } from '../../../components/code-block';
import { Explainer } from '../../../components/explainer';
import { HtmlPage } from '../../../components/html-page';
import { pageBody } from '../../../lib/page-body';
import { SITE_LINKS, getPolicyPage, getSite } from '../../../lib/site';
import { snippetsFor } from '../../../lib/snippets';

type Props = { params: Promise<{ name: string }> };

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await getSite()).views.map((v) => ({ name: v.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await getPolicyPage((await params).name);
  return { title: found?.view.model.name, description: found?.view.model.description };
}

/**
 * The report's policy page (the same HTML `cors-policy site` writes), then what only the hosted site
 * has: the what-if explainer (core's `explain()` in the browser) and copy-paste code per framework.
 */
export default async function PolicyPage({ params }: Props) {
  const found = await getPolicyPage((await params).name);
  if (found === undefined) notFound();
  const { entry, view } = found;
  const { policy } = entry;
  const { origins } = await getSite();
  const { body } = pageBody(renderPolicyPage(view, { links: SITE_LINKS, origins }));

  // Suggestions for the explainer: every origin this policy names (top level, routes, overlays).
  const suggestions = origins.filter((o) => o.kind !== 'any' && o.listedBy.includes(policy.name)).map((o) => o.origin);
  const firstOrigin = suggestions.find((o) => o.startsWith('https://') && !o.includes('*')) ?? suggestions[0] ?? 'https://app.example.com';

  return (
    <>
      <HtmlPage html={body} />
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
        {snippetsFor({ name: policy.name, description: policy.description, module: entry.module, exportName: entry.exportName, environments: policy.environments }).map((s) => (
          <div key={s.id} className="snippet">
            <h3>{s.title} <span className="muted small">— <code>{s.file}</code>, package <code>{s.packageName}</code></span></h3>
            <CodeBlock code={s.code} label={`${s.title} example`} />
          </div>
        ))}
      </section>
    </>
  );
}
