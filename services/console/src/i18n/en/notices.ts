import type zh from '../zh-CN/notices';

/** What reaches people outside a queue: the public survey page (民意调查) and the inbox (通知). */
const notices: typeof zh = {
  /** 民意调查: the public page a survey link opens. */
  survey: {
    title: 'Public opinion survey',
    satisfaction: 'Overall, how satisfied are you with how the city is managed?',
    levels: { satisfied: 'Satisfied', basicallySatisfied: 'Basically satisfied', unsatisfied: 'Unsatisfied' },
    district: 'Your district (optional)',
    yes: 'Yes',
    no: 'No',
    submit: 'Send my answers',
    thanks: 'Your answers are in. Thank you!',
    answered: 'This link has been answered already. Thank you.',
    closed: 'This survey takes answers from {opens} to {closes}.',
    rating: '{n} points',
  },
  notices: {
    title: 'Notices',
    titleUnread: 'Notices, {n} unread',
    markAllRead: 'Mark all read',
    empty: 'No notices',
    unread: 'Unread',
    urgent: 'Urgent',
    acknowledge: 'Acknowledge',
    urgentWaiting: '{n} urgent to acknowledge',
    events: {
      case: {
        reported: 'New case reported',
        selfHandled: 'Handled on the spot by the officer',
        verified: 'Case verified',
        rejected: 'Case rejected',
        filed: 'Case filed',
        dispatched: 'Case dispatched',
        cancelled: 'Case cancelled',
        accepted: 'Case accepted',
        handled: 'Handling reported done',
        returned: 'Case returned',
        rework: 'Check failed: rework',
        checked: 'Check passed',
        closed: 'Case closed',
        resumed: 'Handling resumed',
        supervised: 'Case under supervision order',
      },
      extension: {
        requested: 'Extension awaits approval',
        approved: 'Extension approved',
        denied: 'Extension denied',
      },
      suspension: {
        requested: 'Suspension awaits approval',
        approved: 'Suspension approved',
        denied: 'Suspension denied',
      },
      task: { verification: 'Verification task for you', check: 'Check task for you' },
      deadline: {
        warning: 'Yellow light: 80 % of the time limit used',
        overdue: 'Red light: time limit passed',
      },
      dispatch: { suggested: 'Filed, awaits dispatch (department suggested)' },
      calendar: { ending: 'Holiday data of the working calendar ends on {knownUntil}: load the next year' },
      region: {
        reportReturned: 'The region returned the report of {indicatorCode} for {period}: {reason}',
        supervisionOrder: 'Supervision order from the region: {reason}',
      },
      verification: { noOfficer: 'No officer for the verification: send one (改派)' },
      check: { noOfficer: 'No officer for the check: send one (改派)' },
    },
  },
};

export default notices;
