import type { RiskLevel } from '../audit-model.js';
import { escapeHtml } from './escape.js';

/** A semantic table: caption, column headers with `scope`, and the first cell of each row as a row header. */
export function table(caption: string, headers: readonly string[], rows: readonly (readonly string[])[], options: { rowHeaders?: boolean } = {}): string {
  const head = headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((cells) => `<tr>${cells.map((cell, i) => (i === 0 && options.rowHeaders !== false ? `<th scope="row">${cell}</th>` : `<td>${cell}</td>`)).join('')}</tr>`)
    .join('\n');
  return `<table>\n<caption>${escapeHtml(caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** A risk level in words (colour is never the only signal). */
export function riskBadge(risk: RiskLevel): string {
  return `<span class="risk risk-${risk}">${risk === 'high' ? 'High risk' : risk === 'medium' ? 'Medium risk' : 'Low risk'}</span>`;
}

/** `<a href>` with an escaped target and an already-HTML label. */
export function link(href: string, labelHtml: string): string {
  return `<a href="${escapeHtml(href)}">${labelHtml}</a>`;
}

/** A date as `2026-11-20` (the ISO date part; the input is shown as-is when it is not ISO). */
export function isoDay(date: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(date)?.[0] ?? date;
}
