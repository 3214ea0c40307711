import { formatDuration, lifecycleOf, timeOfDay } from './lifecycle';
import type { CallDetail } from './types';

/** The call's life drawn as dialing → ringing → progressing → hangup, then its events in order. */
export function Timeline({ call }: { call: CallDetail }) {
  const stages = lifecycleOf(call);
  return (
    <section className="timeline">
      <h2>Timeline</h2>
      <ol className="lifecycle" aria-label="Lifecycle">
        {stages.map((stage) => (
          <li key={stage.name} className={stage.at ? 'reached' : 'skipped'} data-stage={stage.name}>
            {stage.afterMs !== null && <span className="gap">→ {formatDuration(stage.afterMs)} →</span>}
            <span className="stage">{stage.name}</span>
            <time>{stage.at ? timeOfDay(stage.at) : 'not reached'}</time>
          </li>
        ))}
      </ol>
      <table className="events" aria-label="Events">
        <thead>
          <tr>
            <th>#</th>
            <th>event</th>
            <th>at</th>
          </tr>
        </thead>
        <tbody>
          {[...call.events]
            .sort((a, b) => a.sequence - b.sequence)
            .map((event) => (
              <tr key={event.sequence}>
                <td>{event.sequence}</td>
                <td>{event.type}</td>
                <td>
                  <time>{timeOfDay(event.occurredAt)}</time>
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </section>
  );
}
