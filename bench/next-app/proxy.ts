import { proxyContender } from './proxy-contenders';
import { isNextVariant, proxyVariant } from './variants';

// Only the proxy rows' route: the route-handler rows (`/api/items`) never run a proxy.
export const config = { matcher: '/proxied/:path*' };

const name = process.env.BENCH_CONTENDER;
export const proxy = isNextVariant(name) ? proxyVariant(name) : proxyContender(name);
