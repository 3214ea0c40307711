import { Link } from './link';
import { callPath } from './router';
import { StatusBadge } from './status-badge';
import type { CallDetail, CallSummary } from './types';

/**
 * Calls tied to this one. Only chaining exists in the API today; groupcalls and transfers will
 * be further entries of RELATIONS (a title and how to read the calls off the call), nothing else.
 */
const RELATIONS: { title: string; calls: (call: CallDetail) => CallSummary[] }[] = [{ title: 'Chained calls', calls: (call) => call.chainedCalls }];

export function RelatedCalls({ call }: { call: CallDetail }) {
  return (
    <section className="related" aria-label="Related calls">
      {call.masterCallId && (
        <p>
          Chained to <Link to={callPath(call.masterCallId)}>{call.masterCallId}</Link>
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
      <p className="hint">Groupcalls and transfers: not in this version of the API.</p>
    </section>
  );
}
