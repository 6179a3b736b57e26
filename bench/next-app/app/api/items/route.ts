import { nextContender } from './contenders';

// Read per request, never prerendered: the bench measures request handling.
export const dynamic = 'force-dynamic';

const handlers = nextContender(process.env.BENCH_CONTENDER);

export const GET = handlers.GET;
export const OPTIONS = handlers.OPTIONS;
