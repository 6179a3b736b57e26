export { apiPolicy, apiPolicyInput } from './api.policy.js';
