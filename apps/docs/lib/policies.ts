import { policyModules } from '../generated/policy-modules';
import { auditPolicy, type PolicyAudit } from './audit-model';
import { loadPolicies, type LoadedPolicy } from './policy-loader';

/*
 * The build's single entry to the policies. Every page goes through here, so one invalid policy
 * throws PolicyLoadFailure (the full lint report) during `next build`, and the build fails.
 */

let loading: Promise<LoadedPolicy[]> | undefined;

/** Every configured policy, loaded once per build worker. */
export function getPolicies(): Promise<LoadedPolicy[]> {
  loading ??= loadPolicies(policyModules);
  return loading;
}

/** One policy by name, or `undefined`. */
export async function getPolicy(name: string): Promise<LoadedPolicy | undefined> {
  return (await getPolicies()).find((p) => p.name === name);
}

/** Every policy's audit view, in name order. */
export async function getAudits(): Promise<PolicyAudit[]> {
  return (await getPolicies()).map(auditPolicy);
}
