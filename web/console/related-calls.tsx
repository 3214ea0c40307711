import { Link } from './link';
import { callPath } from './router';
import { lower, StatusBadge } from './status-badge';
import type { CallDetail, CallSummary } from './types';

/** Calls tied to this one: each relation is a title and how to read its calls off the call. */
const RELATIONS: { title: string; calls: (call: CallDetail) => CallSummary[] }[] = [
  { title: 'Chained calls', calls: (call) => call.chainedCalls },
  { title: 'Other legs of its groupcall', calls: (call) => (call.groupcall?.calls ?? []).filter((leg) => leg.id !== call.id) },
];

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
      {RELATIONS.map((relation) => (
        <div key={relation.title}>
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
