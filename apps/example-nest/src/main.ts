import { selectPolicyEnvironment } from '@org/cors-core';
import { apiPolicyInput } from '@org/cors-policies';
import { startService } from './server.js';

// The environment comes from APP_ENV (unset or empty: the base policy). A developmentOnly overlay is
// refused when NODE_ENV=production; the choice and any warning are logged once, here, at boot.
const policy = selectPolicyEnvironment(apiPolicyInput, { variable: 'APP_ENV', env: process.env });

const { url } = await startService({ port: Number(process.env.PORT ?? 4103), environment: policy.environment });
console.log(`example-nest listening on ${url}`);
