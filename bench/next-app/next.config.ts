import type { NextConfig } from 'next';

// The bench app: route handlers only, served by `next start` for the adapter bench.
const nextConfig: NextConfig = { poweredByHeader: true };

export default nextConfig;
