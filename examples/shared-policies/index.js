import { definePolicy } from '@org/cors-core';
import ordersPolicyInput from './cors.policy.json' with { type: 'json' };

// The JSON file is the single source: this module only validates it once and gives it types.
export { ordersPolicyInput };
export const ordersPolicy = definePolicy(ordersPolicyInput);
