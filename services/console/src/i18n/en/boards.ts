import type zh from '../zh-CN/boards';

/**
 * The work queues (工作台) of the shift lead, the dispatcher and the departments, and their dialogs.
 */
const boards: typeof zh = {
  board: {
    queue: 'Queue',
    count: '{n} cases',
    select: 'Arrow keys select, Enter opens',
    emptyQueue: 'Queue is clear, nothing to do',
    nothingSelected: 'Select a case',
    backToList: 'Back to the list',
    offline: 'Live updates are offline; the list may be stale. Reconnecting…',
    done: 'Done: {action} {caseNo}',
    movedOn: 'Case {caseNo} was acted on by someone else (now {state}); the dialog was closed',
    movedAway: 'Case {caseNo} was acted on by someone else and left this queue; the dialog was closed',
    returnedBecause: 'Returned: {reason}',
    returnedMark: 'Returned',
    returned: 'Returned {n}×',
    returnedBy: 'Returned by: {departments}',
    tabs: {
      toFile: 'To file',
      verifying: 'Verifying',
      awaitingOfficer: 'Awaiting an officer',
      toClose: 'To close',
      open: 'All open',
      toDispatch: 'To dispatch',
      approvals: 'Approvals',
      inHandling: 'Handling',
      toAccept: 'To accept',
      suspended: 'Suspended',
    },
    pendingExtension: 'Asks {minutes} more minutes',
    pendingSuspension: 'Asks suspension',
  },
  dialog: {
    noSuggestion: 'The responsibility matrix names no department; choose one',
    reasonRequired: 'A reason is required',
    noteRequired: 'A note is required',
    chooseDepartment: 'Choose the department',
    enterHint: 'Enter submits, Esc cancels',
  },
  reassign: {
    action: 'Reassign',
    chooseOfficer: 'Choose the officer',
    noOfficers: 'No active officer in this city',
    noOther: 'No officer to send but the current assignee',
    coversGrid: 'This grid',
    coversStreet: 'This street',
    onDuty: 'On duty',
    current: 'Current assignee',
    openTasks: '{n} open',
    note: 'Note (optional)',
    hint: '↑↓ choose, Enter sends, Esc cancels',
  },
};

export default boards;
