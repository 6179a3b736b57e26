import type { NextConfig } from 'next';

// A purely static site: every page is rendered at build time (policies are loaded, linted and
// explained then), so `out/` can be read from any static file server or straight from disk.
const config: NextConfig = {
  output: 'export',
  trailingSlash: true,
  images: { unoptimized: true },
  reactStrictMode: true,
  poweredByHeader: false,
};

export default config;
