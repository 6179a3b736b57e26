/*
 * The report's renderers return whole documents (`pageShell`: title, stylesheet, navigation, <main>).
 * The hosted site has its own shell (app/layout.tsx, same classes and stylesheet), so a page uses
 * only what is inside <main> and the page title.
 */

const MAIN = /<main id="main">\n?([\s\S]*?)\n?<\/main>/;
const TITLE = /<title>([\s\S]*?) — [\s\S]*?<\/title>/;

/** The body inside `<main>` and the page's own title (still HTML-escaped) of a report page. */
export function pageBody(html: string): { readonly body: string; readonly title: string } {
  const body = MAIN.exec(html)?.[1];
  const title = TITLE.exec(html)?.[1];
  if (body === undefined || title === undefined) throw new Error('Not a page rendered by @org/cors-report: no <main id="main"> or <title>.');
  return { body, title: unescapeHtml(title) };
}

const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** Next escapes metadata itself: undo the report's escaping of the five characters it escapes. */
function unescapeHtml(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);
}
