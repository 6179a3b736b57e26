import type { Severity } from '@org/cors-core';
import { RISK_LABEL, type Risk } from '../lib/origin-risk';

/** A risk level in words (the colour only repeats what the text says). */
export function RiskBadge({ risk, label }: { risk: Risk; label?: string }) {
  return <span className={`badge risk-${risk}`}>{label ?? RISK_LABEL[risk]}</span>;
}

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Note' };

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`badge severity-${severity}`}>{SEVERITY_LABEL[severity]}</span>;
}

export function VerdictBadge({ allowed }: { allowed: boolean }) {
  return <span className={`badge verdict-${allowed ? 'allowed' : 'refused'}`}>{allowed ? 'Allowed' : 'Refused'}</span>;
}
