/** Q.850 cause texts Asterisk puts in ChannelDestroyed.cause_txt, for the causes the sandbox uses. */
const CAUSE_TEXT: Readonly<Record<number, string>> = {
  0: 'Unknown',
  1: 'Unallocated (unassigned) number',
  16: 'Normal Clearing',
  17: 'User busy',
  18: 'No user responding',
  19: 'User alerting, no answer',
  20: 'Subscriber absent',
  21: 'Call Rejected',
  26: 'Answered elsewhere',
  34: 'Circuit/channel congestion',
};

export const causeText = (cause: number): string => CAUSE_TEXT[cause] ?? 'Unknown';

/** ARI's `reason` words for DELETE /channels/{id}, as causes. */
const REASON_CAUSES: Readonly<Record<string, number>> = {
  normal: 16,
  busy: 17,
  noanswer: 19,
  no_answer: 19,
  congestion: 34,
  rejected: 21,
  answered_elsewhere: 26,
};

export const causeOfReason = (reason: string | undefined): number | undefined => (reason ? REASON_CAUSES[reason] : undefined);
