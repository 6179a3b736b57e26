import type { HeaderPairs as Pairs } from '@org/cors-core';

/** Response headers as a compact definition list; says so when there are none. */
export function HeaderPairs({ headers, empty = 'No CORS headers' }: { headers: Pairs; empty?: string }) {
  if (headers.length === 0) return <p className="muted small">{empty}</p>;
  return (
    <dl className="headers">
      {headers.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
