import { runProcess } from '@urbangrid/platform';
import { allInOne } from './all-in-one.js';

/** `npm start`: the all-in-one process (all-in-one.ts) from the environment. */
await runProcess(allInOne());
