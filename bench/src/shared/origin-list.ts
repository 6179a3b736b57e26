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

/**
 * The policy's exact origins plus `count` subdomain patterns (`https://*.tenant-0042.partners.example`),
 * and an origin matched by the middle pattern only: the average case for a scan of the patterns,
 * while a refused origin is compared with every one of them.
 */
export function patternList(count: number): { origins: string[]; matching: string } {
  const tenant = (i: number) => `tenant-${String(i).padStart(4, '0')}.partners.example`;
  const origins = [...POLICY_ORIGINS];
  for (let i = 0; i < count; i++) origins.push(`https://*.${tenant(i)}`);
  return { origins, matching: `https://shop.${tenant(Math.floor(count / 2))}` };
}
