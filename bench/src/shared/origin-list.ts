import { POLICY_ORIGINS } from './bench-rules.js';

/**
 * `count` distinct exact origins containing the policy's own. The policy's origins sit in the
 * middle of the list: the average case for a linear scan (`cors` walks its array), while refused
 * and Origin-less requests scan the whole list wherever the allowed ones are.
 */
export function originList(count: number): string[] {
  const fillers = Math.max(0, count - POLICY_ORIGINS.length);
  const list: string[] = [];
  for (let i = 0; i < fillers; i++) list.push(`https://tenant-${String(i).padStart(5, '0')}.partners.example`);
  list.splice(Math.floor(fillers / 2), 0, ...POLICY_ORIGINS);
  return list;
}
