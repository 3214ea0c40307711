import { Q850 } from '../../domain/hangup';

/**
 * Asterisk's Dial status → the Q.850 cause to end the channel with. After a failed `dial` the
 * channel stays in Stasis (see ari-traces create-dial-local-busy): the application must hang it
 * up, and the cause it gives is what ChannelDestroyed then reports.
 */
const FAILED_DIAL_CAUSES: Readonly<Record<string, number>> = {
  BUSY: Q850.USER_BUSY,
  NOANSWER: Q850.NO_ANSWER,
  CONGESTION: Q850.CONGESTION,
  CHANUNAVAIL: 20, // subscriber absent
  DONTCALL: Q850.CALL_REJECTED,
  TORTURE: Q850.CALL_REJECTED,
  INVALIDARGS: Q850.CONGESTION,
  CANCEL: Q850.NORMAL_CLEARING,
};

/** The cause for a dial that ended without answer; null while the dial is still going. */
export const causeOfFailedDial = (dialstatus: string): number | null => FAILED_DIAL_CAUSES[dialstatus] ?? null;
