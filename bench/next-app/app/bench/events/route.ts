import { processCounts } from '../../../variants';

// What the report-only contender's hook counted (the adapter bench checks it before measuring; never timed).
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json(processCounts());
}
