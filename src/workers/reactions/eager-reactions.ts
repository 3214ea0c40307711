import type { Call } from '../../domain/call';
import { reactionJobId, reactionsTo, type ReactionName } from '../../domain/reactions';
import type { Logger } from '../../platform/logger';
import type { CallService } from '../../services/call-service';
import type { ReactionTestHooks } from './reaction-test-hooks';
import { BoundedMap } from '../../domain/bounded-map';

/** The reactions that may also run at once in the process that committed their change. */
export type EagerReactionName = 'groupcall-answer' | 'failover-dial';
/** Each on the call as moved (reaction-handlers.ts makes them; their jobs run the same). */
export type EagerReactions = Readonly<Record<EagerReactionName, (call: Call) => Promise<void>>>;

/** Runs remembered; past this many the oldest are forgotten (their jobs then run in full, harmlessly). */
const REMEMBERED_RUNS = 10_000;

export interface EagerRuns {
  /**
   * Whether this process already carried out the reaction of `jobId` (waiting for a run under way):
   * its job then has nothing left to do.
   */
  done(jobId: string): Promise<boolean>;
}

/**
 * Reactions on the path a caller waits on (the first answer of a groupcall cancels the others;
 * a failed-over call dials its next provider) start at once in the process that committed their
 * change, instead of a queue hop later: the outbox dispatcher, then a reaction job. The job is
 * still queued from the committed event and stays the durable one: after a crash (or a failed
 * eager run) it carries the reaction out; when this process finished it, the job does nothing.
 * Both may run at once in two processes: every reaction is safe to run twice.
 */
export function startEagerReactions(deps: { calls: Pick<CallService, 'onMoved'>; reactions: EagerReactions; hooks: ReactionTestHooks | null; logger: Logger }): EagerRuns {
  const { reactions, hooks, logger } = deps;
  const runs = new BoundedMap<string, Promise<boolean>>(REMEMBERED_RUNS);
  const eager = new Set<ReactionName>(Object.keys(reactions) as EagerReactionName[]);

  function run(name: EagerReactionName, call: Call): void {
    const id = reactionJobId(name, call.id, call.eventSeq);
    if (runs.has(id)) return;
    const attempt = async () => {
      await hooks?.beforeReaction(name, { id, attemptsMade: 0 });
      await reactions[name](call);
      return true;
    };
    runs.set(
      id,
      attempt().catch((error: unknown) => {
        logger.warn({ err: error, jobId: id }, 'an eager reaction failed; its job carries it out');
        return false;
      }),
    );
  }

  deps.calls.onMoved((type, call) => {
    // The eager reactions' rules read neither the chain nor anything the moved row lacks.
    for (const name of reactionsTo({ type, call: { ...call, chainedCallIds: [] } })) {
      if (eager.has(name)) run(name as EagerReactionName, call);
    }
  });

  return {
    async done(jobId) {
      return (await runs.get(jobId)) ?? false;
    },
  };
}
