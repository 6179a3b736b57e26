/**
 * Nanoseconds of CPU time this process has used: the clock of the per-decision benches. On a shared
 * two-core machine wall time also counts the slices other processes get.
 */
export function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) * 1e3;
}
