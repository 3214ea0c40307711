import type { Address } from './address';
import type { CallDirection, CallStatus } from './call-status';
import type { HangupBy, HangupReason } from './hangup';
import type { CallAttempt } from './failover';
import type { MediaState } from './media-control';
import type { PlannedProvider } from './routing';

/** Position in the newest-first call list: microseconds of tm_create, then id. */
export interface CallCursor {
  createdUs: bigint;
  id: string;
}

/** A call as the services hand it to the surfaces (GraphQL and REST shape it their own way). */
export interface Call extends MediaState {
  id: string;
  /** The media server's id of its channel: the call id, or Asterisk's own for incoming channels. */
  channelId: string;
  customerId: string;
  flowId: string | null;
  /** The flow's execution on this call, named when the call is made; null without a flow. */
  activeflowId: string | null;
  /** What the client seeded the flow's variables with (the product's own `voipbin.*` come on top). */
  variables: Record<string, string>;
  type: string;
  status: CallStatus;
  direction: CallDirection;
  source: Address;
  destination: Address;
  masterCallId: string | null;
  /** The groupcall this call is a leg of. */
  groupcallId: string | null;
  recordingId: string | null;
  recordingIds: string[];
  action: Record<string, unknown> | null;
  earlyExecution: boolean;
  dialTimeoutMs: number;
  hangupRequest: HangupReason | null;
  hangupBy: HangupBy | null;
  hangupReason: HangupReason | null;
  /** Why a reaction to one of the call's changes could not run; null when none failed. */
  reactionError: string | null;
  /** The providers an outgoing tel call tries in order ([]: the single default provider). */
  routePlan: PlannedProvider[];
  /** Its attempts, one per provider tried, oldest first ([] for calls that are not outgoing tel calls). */
  attempts: CallAttempt[];
  eventSeq: number;
  tmCreate: Date;
  tmUpdate: Date;
  tmRinging: Date | null;
  tmProgressing: Date | null;
  tmHangup: Date | null;
  tmDelete: Date | null;
}
