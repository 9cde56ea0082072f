import { terminalStates } from '@urbangrid/domain';
import { expect, test } from 'vitest';
import { terminalStatesSql } from './schema/cases.js';

test("the partial indexes' final states are the domain's", () => {
  expect([...terminalStatesSql].sort()).toEqual([...terminalStates].sort());
});
