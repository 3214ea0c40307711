import type { Pool, PoolClient } from 'pg';
import type { Logger } from '../platform/logger';
import type { MediaServer } from '../telephony/media-server';
import { repeatedFailure } from '../platform/repeated-failure';

export interface AriLeadershipOptions {
  pool: Pool;
  /** Names the media server (and the install): one leader per key. */
  key: string;
  media: Pick<MediaServer, 'listen' | 'unlisten' | 'onEvent'>;
  logger: Logger;
  /** How often a standby tries to take over (a dead leader is replaced within about this). */
  pollMs: number;
}

export interface AriLeadership {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * One ARI event consumer per media server: the process that holds a session advisory lock on its
 * own Postgres connection opens the application's event stream; the others stand by and try for
 * the lock every `pollMs`. When the leader dies its connection goes, the lock with it, and a
 * standby takes over and listens (its first connect reconciles calls with the channels that
 * exist). A leader whose stream another connection took (ApplicationReplaced: something outside
 * the product, or a deployment sharing one Asterisk across databases) closes its stream, gives
 * the lock up and stands by for ten polls, so the two do not take the stream from each other
 * on every poll.
 */
export function createAriLeadership(options: AriLeadershipOptions): AriLeadership {
  const { pool, key, media, logger, pollMs } = options;
  let connection: PoolClient | null = null;
  let leader = false;
  let running = false;
  let busy = false;
  // Tried every poll while Postgres or the media server is away: said once until it works again.
  const takeFailure = repeatedFailure(logger, 'could not take the ARI events; trying again');
  let announcedStandby = false;
  let holdOffUntil = 0;
  let timer: NodeJS.Timeout | null = null;

  async function lose(reason: string): Promise<void> {
    if (!leader) return;
    leader = false;
    announcedStandby = false;
    // Stopping is the normal end of a leader; anything else is worth a warning.
    if (reason === 'stopping') logger.info({ reason }, 'this process no longer hears the ARI events');
    else logger.warn({ reason }, 'this process no longer hears the ARI events');
    await media.unlisten().catch((error: unknown) => logger.warn({ err: error }, 'closing the ARI event stream failed'));
  }

  async function connect(): Promise<PoolClient> {
    const client = await pool.connect();
    client.on('error', (error) => {
      logger.error({ err: error }, 'ARI leadership connection lost');
      client.release(error);
      if (connection === client) connection = null;
      void lose('its Postgres connection was lost');
    });
    connection = client;
    return client;
  }

  async function tick(): Promise<void> {
    if (!running || busy || leader || Date.now() < holdOffUntil) return;
    busy = true;
    try {
      const client = connection ?? (await connect());
      const result = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [key]);
      if (result.rows[0]?.locked !== true) {
        if (!announcedStandby) logger.info('standing by for the ARI events');
        announcedStandby = true;
        return;
      }
      leader = true;
      takeFailure.succeeded();
      logger.info('this process now hears the ARI events');
      await media.listen();
    } catch (error) {
      takeFailure.failed(error);
    } finally {
      busy = false;
    }
  }

  media.onEvent((event) => {
    if (event.type !== 'replaced' || !leader) return;
    logger.error('another connection took the ARI application; standing by');
    holdOffUntil = Date.now() + 10 * pollMs;
    void lose('ApplicationReplaced').then(() => connection?.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch(() => undefined));
  });

  return {
    async start() {
      running = true;
      await tick();
      timer = setInterval(() => void tick(), pollMs);
    },
    async stop() {
      running = false;
      if (timer) clearInterval(timer);
      await lose('stopping');
      if (connection) {
        await connection.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
        connection.release();
        connection = null;
      }
    },
  };
}
