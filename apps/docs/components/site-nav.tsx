'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { NAV_ITEMS } from '../lib/nav';

/** The main menu; marks the current section for screen readers and sighted users alike. */
export function SiteNav() {
  const pathname = usePathname();
  const current = (href: string) => (href === '/' ? pathname === '/' || pathname.startsWith('/policies') : pathname.startsWith(href));
  return (
    <nav aria-label="Main">
      <ul>
        {NAV_ITEMS.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={current(item.href) ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
