/** The shapes the console reads from the GraphQL API (a subset of src/schema/schema.graphql). */
export interface Address {
  type: string;
  target: string;
}

export interface CallSummary {
  id: string;
  status: string;
  direction: string;
  source: Address;
  destination: Address;
  createdAt: string;
  hangupBy: string | null;
  hangupReason: string | null;
  masterCallId: string | null;
}

export interface CallEvent {
  type: string;
  sequence: number;
  occurredAt: string;
}

export interface ActiveflowAction {
  id: string;
  type: string;
  option: Record<string, unknown>;
  executedAt: string | null;
  error: string | null;
}

export interface Activeflow {
  id: string;
  status: string;
  flowId: string;
  currentAction: ActiveflowAction | null;
  executedActions: ActiveflowAction[];
}

export interface Recording {
  id: string;
  status: string;
  format: string;
  duration: number;
  downloadUrl: string | null;
}

/** The groupcall a call is a leg of, with all its legs. */
export interface GroupcallOfCall {
  id: string;
  status: string;
  ringMethod: string;
  calls: CallSummary[];
}

/** A transfer a call takes part in, with its calls. */
export interface TransferOfCall {
  id: string;
  type: string;
  status: string;
  callerCall: CallSummary | null;
  transfererCall: CallSummary | null;
  consultCalls: CallSummary[];
}

export interface CallDetail extends CallSummary {
  ringingAt: string | null;
  progressingAt: string | null;
  hangupAt: string | null;
  events: CallEvent[];
  activeflow: Activeflow | null;
  chainedCalls: CallSummary[];
  groupcall: GroupcallOfCall | null;
  transfers: TransferOfCall[];
  recordings: Recording[];
}

export interface WebhookDelivery {
  id: string;
  webhookId: string;
  eventType: string;
  sequence: number;
  status: string;
  attempts: number;
  httpCode: number | null;
  error: string;
  lastAttemptAt: string | null;
}
