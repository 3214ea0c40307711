import { useEffect, useState } from 'react';
import type { Api } from './api';
import { ActiveflowPanel } from './activeflow-panel';
import { FarEndPanel } from './far-end-panel';
import { Link } from './link';
import { CALL, CALL_EVENTS } from './queries';
import { RecordingsPanel } from './recordings-panel';
import { RelatedCalls } from './related-calls';
import { lower, StatusBadge } from './status-badge';
import { Timeline } from './timeline';
import type { CallDetail, CallSummary } from './types';
import { WebhookDeliveriesPanel } from './webhook-deliveries-panel';

/** One call, kept current: every event of the call (or its activeflow) reads the call again. */
export function CallPage({ api, id, sandbox }: { api: Api; id: string; sandbox: boolean }) {
  const [call, setCall] = useState<CallDetail | null | undefined>(undefined);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const changed = () => setVersion((count) => count + 1);
    const stopOwn = api.subscribe(CALL_EVENTS, { callId: id }, changed);
    // The calls chained to this one change on their own: their events come with every call's.
    const stopChained = api.subscribe<{ callEvents: { call: CallSummary } }>(CALL_EVENTS, {}, ({ callEvents }) => {
      if (callEvents.call.masterCallId === id) changed();
    });
    return () => {
      stopOwn();
      stopChained();
    };
  }, [api, id]);
  useEffect(() => {
    api
      .query<{ call: CallDetail | null }>(CALL, { id })
      .then((answer) => setCall(answer.call))
      .catch(() => setCall(null));
  }, [api, id, version]);
  if (call === undefined) return <p>Loading…</p>;
  if (call === null) return <p className="error">No such call of yours.</p>;
  return (
    <article className="call" data-call-id={call.id}>
      <p>
        <Link to="/console">← Calls</Link>
      </p>
      <h1>
        {call.source.target} → {call.destination.target} <StatusBadge status={call.status} />
      </h1>
      <p className="meta">
        <code>{call.id}</code> · {lower(call.direction)}
        {call.hangupBy && ` · ended by ${lower(call.hangupBy)} (${lower(call.hangupReason) || 'unknown'})`}
      </p>
      <div className="grid">
        <Timeline call={call} />
        <ActiveflowPanel activeflow={call.activeflow} />
        <RelatedCalls call={call} />
        <RecordingsPanel recordings={call.recordings} />
        <WebhookDeliveriesPanel api={api} callId={call.id} version={version} />
        {sandbox && <FarEndPanel api={api} callId={call.id} version={version} live={lower(call.status) !== 'hangup'} />}
      </div>
    </article>
  );
}
