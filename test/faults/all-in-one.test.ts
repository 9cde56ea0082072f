/** The fault suite against the all-in-one process (support/fault-suite.ts). */
import { describeFaultSuite } from './support/fault-suite.js';

describeFaultSuite('all-in-one');
