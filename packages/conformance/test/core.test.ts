import { coreTarget, runConformance } from '../src/index.js';

runConformance(coreTarget);
