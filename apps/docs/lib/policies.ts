import { policyModules } from '../generated/policy-modules';
import { loadPolicies, type LoadedPolicy } from './policy-loader';
import { policyView, type PolicyView } from './policy-view';

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

/** Every policy's page model, in name order. */
export async function getPolicyViews(): Promise<PolicyView[]> {
  return (await getPolicies()).map(policyView);
}
