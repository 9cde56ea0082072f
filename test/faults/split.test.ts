/** The fault suite against the split shape: an API process and two worker processes (support/fault-suite.ts). */
import { describeFaultSuite } from './support/fault-suite.js';

describeFaultSuite('split');
