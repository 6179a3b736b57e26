'use client';

import { useEffect, useRef } from 'react';

/**
 * A page body rendered by @org/cors-report, as HTML. Inline scripts in it run when the page is loaded
 * from the server (the browser parses them); after a client-side navigation React sets the markup with
 * innerHTML, which never runs scripts, so they are re-inserted once here. The report's scripts guard
 * against running twice.
 */
export function HtmlPage({ html }: { readonly html: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    for (const old of ref.current?.querySelectorAll<HTMLScriptElement>('script:not([type])') ?? []) {
      const script = document.createElement('script');
      script.text = old.text;
      old.replaceWith(script);
    }
  }, [html]);
  return <div ref={ref} dangerouslySetInnerHTML={{ __html: html }} />;
}
