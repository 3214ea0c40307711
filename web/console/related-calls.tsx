import { Link } from './link';
import { callPath } from './router';
import { lower, StatusBadge } from './status-badge';
import type { CallDetail, CallSummary } from './types';

/** Calls tied to this one: each relation is a title and how to read its calls off the call. */
const RELATIONS: { name: string; title: string; calls: (call: CallDetail) => CallSummary[] }[] = [
  { name: 'chained', title: 'Chained calls', calls: (call) => call.chainedCalls },
  { name: 'groupcall', title: 'Other legs of its groupcall', calls: (call) => (call.groupcall?.calls ?? []).filter((leg) => leg.id !== call.id) },
  { name: 'transfers', title: 'Other calls of its transfers', calls: transferCalls },
];

/** The caller, transferer and consult calls of the call's transfers, each once, without the call itself. */
function transferCalls(call: CallDetail): CallSummary[] {
  const all = call.transfers.flatMap((transfer) => [transfer.callerCall, transfer.transfererCall, ...transfer.consultCalls]);
  const seen = new Map(all.filter((other): other is CallSummary => other !== null && other.id !== call.id).map((other) => [other.id, other]));
  return [...seen.values()];
}

export function RelatedCalls({ call }: { call: CallDetail }) {
  return (
    <section className="related" aria-label="Related calls">
      {call.masterCallId && (
        <p>
          Chained to <Link to={callPath(call.masterCallId)}>{call.masterCallId}</Link>
        </p>
      )}
      {call.groupcall && (
        <p className="groupcall" data-groupcall-id={call.groupcall.id}>
          A leg of groupcall {call.groupcall.id} ({lower(call.groupcall.ringMethod)}) <StatusBadge status={call.groupcall.status} />
        </p>
      )}
      {call.transfers.map((transfer) => (
        <p key={transfer.id} className="transfer" data-transfer-id={transfer.id}>
          In {lower(transfer.type)} transfer {transfer.id} <StatusBadge status={transfer.status} />
        </p>
      ))}
      {RELATIONS.map((relation) => (
        <div key={relation.name} className={`relation relation-${relation.name}`}>
          <h2>{relation.title}</h2>
          {relation.calls(call).length === 0 && <p className="empty">None.</p>}
          <ul>
            {relation.calls(call).map((related) => (
              <li key={related.id} data-call-id={related.id}>
                <Link to={callPath(related.id)}>{related.destination.target}</Link> <StatusBadge status={related.status} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
