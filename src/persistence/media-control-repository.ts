import type { MediaState } from '../domain/media-control';
import { Prisma } from '../generated/prisma/client';
import { callFromRow, type CallRow } from '../services/call-row';
import type { Call } from '../domain/call';
import { outboxInsert } from './outbox';

type Sql = Pick<Prisma.TransactionClient, '$queryRaw'>;


/** The SQL of media controls; `sql` is the transaction that holds the call's media lock. */
export const mediaControlRepository = {
  /** Serialises the media controls of one call (not its lifecycle) until the transaction ends. */
  async lock(sql: Sql, callId: string): Promise<void> {
    await sql.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`media:${callId}`}))::text AS locked`;
  },

  async find(sql: Sql, callId: string): Promise<Call | null> {
    const rows = await sql.$queryRaw<CallRow[]>`SELECT * FROM calls WHERE id = ${callId}::uuid`;
    return rows[0] ? callFromRow(rows[0]) : null;
  },

  /**
   * Records the new media state with its call_updated event in one statement, only while the
   * call is still progressing and only if something changed. Answers null otherwise.
   */
  async record(sql: Sql, callId: string, state: MediaState): Promise<Call | null> {
    const rows = await sql.$queryRaw<CallRow[]>`
      WITH changed AS (
        UPDATE calls SET hold = ${state.hold}, mute_direction = ${state.muteDirection}, moh = ${state.moh},
          silence = ${state.silence}, event_seq = event_seq + 1, tm_update = clock_timestamp()
        WHERE id = ${callId}::uuid AND status = 'progressing'
          AND (hold, mute_direction, moh, silence) IS DISTINCT FROM (${state.hold}, ${state.muteDirection}, ${state.moh}, ${state.silence})
        RETURNING *
      ), event AS (${outboxInsert({ resource: 'call', event: 'call_updated', from: 'changed' })})
      SELECT changed.* FROM changed`;
    return rows[0] ? callFromRow(rows[0]) : null;
  },
};
