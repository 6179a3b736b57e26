import { corsRoute } from '@org/cors-next';
import { apiPolicy } from '../../../lib/cors-policy';

// Outside the proxy matcher: corsRoute wraps the handler and supplies OPTIONS. The policy's
// `/public/**` rule (any origin, no credentials) applies, resolved from the request path.
export const { GET, OPTIONS } = corsRoute(apiPolicy, {
  GET: () => Response.json({ status: 'ok' }, { headers: { 'X-Request-Id': crypto.randomUUID() } }),
});
