import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SiteNav } from '../components/site-nav';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'CORS policies', template: '%s · CORS policies' },
  description: 'Every CORS policy in the workspace, in plain English: who may call each API, how, and whether cookies travel.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">Skip to content</a>
        <header className="site-header">
          <div className="wrap header-row">
            <Link href="/" className="brand">CORS policies</Link>
            <SiteNav />
          </div>
        </header>
        <main id="main" className="wrap" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="wrap">
            Generated at build time from the policies themselves by <code>@org/cors-core</code>: every verdict on
            this site comes from the engine the services run.
          </div>
        </footer>
      </body>
    </html>
  );
}
