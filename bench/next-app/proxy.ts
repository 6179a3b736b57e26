import { proxyContender } from './proxy-contenders';

// Only the proxy rows' route: the route-handler rows (`/api/items`) never run a proxy.
export const config = { matcher: '/proxied/:path*' };

export const proxy = proxyContender(process.env.BENCH_CONTENDER);
