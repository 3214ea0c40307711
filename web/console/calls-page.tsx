import { useEffect, useState } from 'react';
import type { Api } from './api';
import { Link } from './link';
import { NewCallForm } from './new-call-form';
import { CALL_EVENTS, CALLS } from './queries';
import { callPath } from './router';
import { lower, StatusBadge } from './status-badge';
import type { CallSummary } from './types';

type Edge = { node: CallSummary };

/** Your calls, newest first; new calls appear and statuses change as their events arrive. */
export function CallsPage({ api }: { api: Api }) {
  const [calls, setCalls] = useState<CallSummary[]>([]);
  const [error, setError] = useState('');
  useEffect(() => {
    let live = true;
    // Subscribed first, so no change between the list and the subscription is missed.
    const stop = api.subscribe<{ callEvents: { call: CallSummary } }>(CALL_EVENTS, {}, ({ callEvents }) => {
      setCalls((list) => [callEvents.call, ...list.filter((call) => call.id !== callEvents.call.id)].sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
    });
    api
      .query<{ calls: { edges: Edge[] } }>(CALLS)
      .then(({ calls: page }) => live && setCalls((seen) => merge(page.edges.map((edge) => edge.node), seen)))
      .catch((failure: Error) => setError(failure.message));
    return () => {
      live = false;
      stop();
    };
  }, [api]);
  return (
    <>
      <NewCallForm api={api} />
      <section>
        <h2>Calls</h2>
        {error && <p className="error">{error}</p>}
        <table className="calls">
          <thead>
            <tr>
              <th>created</th>
              <th>from</th>
              <th>to</th>
              <th>status</th>
              <th>ended</th>
            </tr>
          </thead>
          <tbody>
            {calls.map((call) => (
              <tr key={call.id} data-call-id={call.id}>
                <td>
                  <Link to={callPath(call.id)}>{new Date(call.createdAt).toLocaleTimeString()}</Link>
                </td>
                <td>{call.source.target}</td>
                <td>{call.destination.target}</td>
                <td>
                  <StatusBadge status={call.status} />
                </td>
                <td>{call.hangupBy ? `${lower(call.hangupBy)}, ${lower(call.hangupReason)}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {calls.length === 0 && <p className="empty">No calls yet: make one above.</p>}
      </section>
    </>
  );
}

/** The listed calls, with any that events brought meanwhile kept as the events left them. */
function merge(listed: CallSummary[], fromEvents: CallSummary[]): CallSummary[] {
  const byId = new Map(listed.map((call) => [call.id, call]));
  for (const call of fromEvents) byId.set(call.id, call);
  return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
