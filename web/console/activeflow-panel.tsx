import { timeOfDay } from './lifecycle';
import { StatusBadge } from './status-badge';
import type { Activeflow } from './types';

/** The flow the call runs: its status, the action it is on, the actions it did. */
export function ActiveflowPanel({ activeflow }: { activeflow: Activeflow | null }) {
  return (
    <section className="activeflow" aria-label="Activeflow">
      <h2>Activeflow</h2>
      {!activeflow ? (
        <p className="empty">No flow runs on this call.</p>
      ) : (
        <>
          <p>
            <code>{activeflow.id}</code> <StatusBadge status={activeflow.status} />
          </p>
          <p className="current-action">
            Current action: {activeflow.currentAction ? <strong>{activeflow.currentAction.type}</strong> : 'none'}
            {activeflow.currentAction && <code>{JSON.stringify(activeflow.currentAction.option)}</code>}
          </p>
          <ol className="executed">
            {activeflow.executedActions.map((action, index) => (
              <li key={`${action.id}-${index}`}>
                {action.type} {action.executedAt && <time>{timeOfDay(action.executedAt)}</time>} {action.error && <span className="error">{action.error}</span>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
