import { isNextVariant, routeVariant } from '../../../variants';
import { nextContender } from './contenders';

// Read per request, never prerendered: the bench measures request handling.
export const dynamic = 'force-dynamic';

const name = process.env.BENCH_CONTENDER;
const handlers = isNextVariant(name) ? routeVariant(name) : nextContender(name);

export const GET = handlers.GET;
export const OPTIONS = handlers.OPTIONS;
