/** The explainer's verdict in words (the colour only repeats what the text says). */
export function VerdictBadge({ allowed }: { allowed: boolean }) {
  return <span className={`badge verdict-${allowed ? 'allowed' : 'refused'}`}>{allowed ? 'Allowed' : 'Refused'}</span>;
}
