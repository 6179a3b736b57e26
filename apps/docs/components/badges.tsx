import type { Severity } from '@org/cors-core';
import type { RiskLevel } from '@org/cors-report';

const RISK_LABEL: Record<RiskLevel, string> = { low: 'Low risk', medium: 'Medium risk', high: 'High risk' };

/** A risk level in words (the colour only repeats what the text says). */
export function RiskBadge({ risk, label }: { risk: RiskLevel; label?: string }) {
  return (
    <span className={`badge risk-${risk}`}>
      {label ?? RISK_LABEL[risk]}
      {label !== undefined && <span className="visually-hidden"> ({RISK_LABEL[risk].toLowerCase()})</span>}
    </span>
  );
}

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Note' };

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`badge severity-${severity}`}>{SEVERITY_LABEL[severity]}</span>;
}

export function VerdictBadge({ allowed }: { allowed: boolean }) {
  return <span className={`badge verdict-${allowed ? 'allowed' : 'refused'}`}>{allowed ? 'Allowed' : 'Refused'}</span>;
}
