import { SITE_CSS } from '@org/cors-report';
import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SiteNav } from '../components/site-nav';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'CORS policies', template: '%s · CORS policies' },
  description: 'Every CORS policy in the workspace, in plain English: who may call each API, how, and whether cookies travel.',
};

/** The same shell as the report's `pageShell` (classes, stylesheet), with this site's extra pages in the menu. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <style dangerouslySetInnerHTML={{ __html: SITE_CSS }} />
      </head>
      <body>
        <a className="skip" href="#main">Skip to content</a>
        <header className="site">
          <div className="bar">
            <Link href="/" className="brand">CORS policies</Link>
            <SiteNav />
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site">
          Generated at build time from the policies themselves by <code>@org/cors-report</code>, the pages{' '}
          <code>cors-policy site</code> writes: every verdict on this site comes from the engine the services run.
        </footer>
      </body>
    </html>
  );
}
