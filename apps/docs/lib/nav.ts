/** The site's main sections, in menu order. A new page is one more entry here. */
export const NAV_ITEMS: ReadonlyArray<{ readonly href: string; readonly label: string }> = [
  { href: '/', label: 'Policies' },
  { href: '/origins/', label: 'Origins' },
  { href: '/rules/', label: 'Rules' },
  { href: '/schema/', label: 'Policy schema' },
  { href: '/live/', label: 'Live browser check' },
];
