import 'reflect-metadata';
import type { Worker } from 'bullmq';
import { createApiServer, type ApiServer } from './api/http-server';
import type { Config } from './config';
import { createRedisEventBus } from './events/event-bus';
import { connectDatabase } from './platform/database';
import { ensureDatabase } from './platform/ensure-database';
import type { Logger } from './platform/logger';
import { applyMigrations, defaultMigrationsDir } from './platform/migrate';
import { createRedisRateLimiter } from './platform/rate-limiter';
import { connectRedis } from './platform/redis';
import { buildApiSchema } from './schema/build-schema';
import { createAccessKeyService } from './services/access-key-service';
import { createAuthService } from './services/auth-service';
import { createCustomerService } from './services/customer-service';
import { loadSharedSecret } from './services/shared-secret';
import { createUserService } from './services/user-service';
import { createWebhookService } from './services/webhook-service';
import { createCallRepository } from './services/call-repository';
import { createCallService } from './services/call-service';
import { createEventRepository } from './services/event-repository';
import type { Services } from './services/services';
import { createAriMediaServer } from './telephony/ari/ari-media-server';
import type { MediaServer } from './telephony/media-server';
import { startAriSimulator, type RunningSimulator } from './telephony/simulator';
import { startMediaEventConsumer } from './workers/media-event-consumer';
import { createOutboxDispatcher, type OutboxDispatcher } from './workers/outbox-dispatcher';
import { createQueuedTelephonyCommands, createTelephonyQueue } from './workers/telephony-queue';
import { createTelephonyWorker } from './workers/telephony-worker';
import { startWebhookDelivery } from './workers/webhooks/webhook-delivery';

export type Role = 'api' | 'worker' | 'all';

export interface RunningApp {
  /** The API's port, when this process serves the API. */
  port: number | null;
  simulator: RunningSimulator | null;
  services: Services;
  /** The bootstrap customer's key, when this start created it. */
  bootstrap: { customerId: string; token: string; generated: boolean } | null;
  stop(): Promise<void>;
}

/** The composition root: builds every part this process's role needs and wires them together. */
export async function startApp(config: Config, role: Role, logger: Logger): Promise<RunningApp> {
  const stops: (() => Promise<unknown>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) {
      logger.debug({ part: stop.name }, 'stopping');
      await stop().catch((error: unknown) => logger.error({ err: error }, 'error while stopping'));
    }
  };
  try {
    await ensureDatabase(config.databaseUrl);
    const db = connectDatabase(config.databaseUrl, config.databaseSchema);
    stops.push(() => db.close());
    const applied = await applyMigrations(db.pool, config.databaseSchema, defaultMigrationsDir());
    if (applied.length) logger.info({ applied }, 'applied migrations');

    const redis = connectRedis(config.redisUrl, 'commands');
    const publisher = connectRedis(config.redisUrl, 'events-pub');
    const subscriber = connectRedis(config.redisUrl, 'events-sub');
    stops.push(() => Promise.all([redis.quit(), publisher.quit(), subscriber.quit()]));
    const bus = createRedisEventBus(publisher, subscriber, config.redisPrefix);
    stops.push(() => bus.close());

    const queue = createTelephonyQueue(redis, config.redisPrefix);
    stops.push(() => queue.close());
    const callRepository = createCallRepository(db.prisma);
    const jwtSecret = config.jwtSecret ?? (await loadSharedSecret(db.prisma, 'jwt'));
    const auth = createAuthService(db.prisma, { jwtSecret, jwtTtlSeconds: config.jwtTtlSeconds });
    const services: Services = {
      auth,
      customers: createCustomerService(db.prisma, auth),
      users: createUserService(db.prisma),
      accessKeys: createAccessKeyService(db.prisma),
      calls: createCallService({ prisma: db.prisma, calls: callRepository, commands: createQueuedTelephonyCommands(queue), logger }),
      callRepository,
      events: createEventRepository(db.prisma),
      bus,
      webhooks: createWebhookService(db.prisma, { allowPrivateTargets: config.webhooks.allowPrivateTargets }),
    };
    const bootstrap = await services.auth.bootstrap(config.bootstrapAccessKey);

    let simulator: RunningSimulator | null = null;
    if (role !== 'api') {
      const worker = await startWorkers(config, services, { redisUrl: config.redisUrl, db, logger });
      simulator = worker.simulator;
      stops.push(worker.stop);
    }
    let api: ApiServer | null = null;
    let port: number | null = null;
    if (role !== 'worker') {
      api = await createApiServer(await buildApiSchema(), services, logger, {
        introspection: config.graphqlIntrospection,
        rateLimits: {
          limiter: createRedisRateLimiter(redis, config.redisPrefix),
          perCustomer: { windowMs: config.rateLimit.windowMs, limit: config.rateLimit.perCustomer },
          perIp: { windowMs: config.rateLimit.windowMs, limit: config.rateLimit.perIp },
        },
      });
      stops.push(() => (api as ApiServer).stop());
      port = await api.listen(config.port, config.host);
    }
    return { port, simulator, services, bootstrap, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

interface WorkerResources {
  redisUrl: string;
  db: ReturnType<typeof connectDatabase>;
  logger: Logger;
}

async function startWorkers(config: Config, services: Services, { redisUrl, db, logger }: WorkerResources) {
  const stops: (() => Promise<unknown>)[] = [];
  let simulator: RunningSimulator | null = null;
  if (!config.ari.url) {
    simulator = await startAriSimulator({
      port: config.simulator.port,
      host: config.simulator.host,
      username: config.ari.username,
      password: config.ari.password,
      delays: config.simulator.delays,
    });
    stops.push(() => (simulator as RunningSimulator).close());
    logger.info({ url: simulator.url }, 'ARI simulator started (no ARI_URL given)');
  }
  const ariUrl = config.ari.url ?? (simulator as RunningSimulator).url;

  const media: MediaServer = createAriMediaServer({ ...config.ari, url: ariUrl }, logger.child({ part: 'ari' }));
  const connection = connectRedis(redisUrl, 'telephony-worker');
  stops.push(() => connection.quit());
  const queue = createTelephonyQueue(connection, config.redisPrefix);
  stops.push(() => queue.close());
  startMediaEventConsumer({ media, calls: services.callRepository, callService: services.calls, telephonyQueue: queue, logger });
  await media.start();
  stops.push(() => media.stop());

  const telephonyWorker: Worker = createTelephonyWorker({
    connection,
    prefix: config.redisPrefix,
    calls: services.callRepository,
    callService: services.calls,
    media,
    endpoints: config.ari.endpoints,
    logger: logger.child({ part: 'telephony' }),
  });
  stops.push(() => telephonyWorker.close());

  const webhooks = startWebhookDelivery({ connection, config, prisma: db.prisma, calls: services.callRepository, logger: logger.child({ part: 'webhooks' }) });
  stops.push(() => webhooks.stop());

  const dispatcher: OutboxDispatcher = createOutboxDispatcher({
    pool: db.pool,
    schema: config.databaseSchema,
    publish: (events) => services.bus.publish(events),
    wakeLanes: webhooks.wakeLanes,
    logger: logger.child({ part: 'outbox' }),
  });
  await dispatcher.start();
  stops.push(() => dispatcher.stop());

  return {
    simulator,
    async stop() {
      for (const stop of stops.reverse()) await stop();
    },
  };
}
