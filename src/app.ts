import 'reflect-metadata';
import type { Worker } from 'bullmq';
import { createApiServer, type ApiServer } from './api/http-server';
import type { Config } from './config';
import { createRedisEventBus } from './events/event-bus';
import { connectDatabase } from './persistence/database';
import { ensureDatabase } from './platform/ensure-database';
import type { Logger } from './platform/logger';
import { applyMigrations, defaultMigrationsDir } from './platform/migrate';
import { createRedisRateLimiter } from './platform/rate-limiter';
import { closeRedis, connectRedis, whenReady, type Redis } from './platform/redis';
import { createOutageLog, watchPostgres } from './platform/outage-log';
import { addressOf, naming } from './platform/startup-error';
import { logCallChanges } from './workers/call-change-log';
import { warnIfPublishedKeyWorks } from './services/published-key';
import { createMetrics, type Metrics } from './platform/metrics';
import { createOperationsServer } from './api/operations-server';
import { mediaServerCheck, postgresCheck, redisCheck } from './platform/dependency-checks';
import { createMetricSources } from './workers/metric-sources';
import { observePublished } from './workers/outbox-metrics';
import { buildApiSchema } from './schema/build-schema';
import { createAccessKeyService } from './services/access-key-service';
import { createAuthService } from './services/auth-service';
import { createCustomerService } from './services/customer-service';
import { createRoutingService } from './services/routing-service';
import { createProviderCallService } from './services/provider-call-service';
import { loadSharedSecret } from './services/shared-secret';
import { createUserService } from './services/user-service';
import { createWebhookService } from './services/webhook-service';
import { createCallRepository } from './persistence/call-repository';
import { createCallService } from './services/call-service';
import { createGroupcallRepository } from './persistence/groupcall-repository';
import { createGroupcallService } from './services/groupcall-service';
import { createActiveflowRepository } from './persistence/activeflow-repository';
import { createActiveflowService } from './services/activeflow-service';
import { parseFlowAction } from './domain/flow/parse-flow-actions';
import { espeakSpeech } from './telephony/espeak-speech';
import { simulatorSpeech } from './telephony/text-to-speech';
import { connectReactions } from './workers/flow-connect';
import { createEagerReactions, createReactionHandlers, type ReactionHandlerDeps } from './workers/reactions/reaction-handlers';
import { startEagerReactions } from './workers/reactions/eager-reactions';
import { createAttemptOriginator, originateAttemptOf } from './workers/originate-attempt';
import { createTransferEffects } from './workers/transfers/transfer-effects';
import { createTransferReactions } from './workers/transfers/transfer-reactions';
import { createTransferService } from './services/transfer-service';
import { createTransferRepository } from './persistence/transfer-repository';
import { createReactionQueue, enqueueReactions } from './workers/reactions/reaction-queue';
import { reactionTestHooks } from './workers/reactions/reaction-test-hooks';
import { createReactionWorker } from './workers/reactions/reaction-worker';
import { createFlowExecutor } from './workers/flow-executor';
import { createFlowQueue, createQueuedFlowJobs } from './workers/flow-queue';
import { createFlowWorker } from './workers/flow-worker';
import { createEventService } from './services/event-service';
import { createFlowService } from './services/flow-service';
import { createNumberService } from './services/number-service';
import { createMediaControlExecutor } from './services/media-control-executor';
import { createMediaControlService } from './services/media-control-service';
import { createRecordingRepository } from './persistence/recording-repository';
import { createRecordingService } from './services/recording-service';
import { createDownloadSigner } from './services/signed-url';
import { createFileStore } from './storage/create-file-store';
import type { FileStore } from './storage/file-store';
import { createQueuedRecordingCommands, createRecordingQueue } from './workers/recording-queue';
import { startRecordingEventConsumer } from './workers/recording-event-consumer';
import { createRecordingWorker } from './workers/recording-worker';
import type { Services } from './services/services';
import { createAriMediaServer } from './telephony/ari/ari-media-server';
import { withServerChannelIds } from './telephony/server-channel-ids';
import { createMediaServerPool } from './telephony/media-server-pool';
import type { MediaServer } from './telephony/media-server';
import { startAriSimulator, type RunningSimulator } from './telephony/simulator';
import { createAriLeadership } from './workers/ari-leadership';
import { startMediaEventConsumer } from './workers/media-event-consumer';
import { createOutboxDispatcher, type OutboxDispatcher } from './workers/outbox-dispatcher';
import { createOutboxWake, type OutboxWake } from './events/outbox-wake';
import { sqlOnPool } from './persistence/sql';
import { createRouteRepository } from './persistence/route-repository';
import { createTtlMemo } from './platform/ttl-memo';
import { createQueuedMediaControls } from './workers/media-control-queue';
import { createQueuedTelephonyCommands, createTelephonyQueue } from './workers/telephony-queue';
import { createTelephonyWorker } from './workers/telephony-worker';
import { startDialTimeoutSweep } from './workers/dial-timeouts';
import { createChannelHangup, hangupNow } from './workers/channel-hangup';
import { startWebhookDelivery } from './workers/webhooks/webhook-delivery';
import { createWebhookDeliveries } from './services/webhook-deliveries';
import { presentEventData } from './rest/event-data.presenter';

export type Role = 'api' | 'worker' | 'all';

export interface RunningApp {
  /** The port this process serves HTTP on: the API's, or a worker-only process's /healthz, /readyz and /metrics. */
  port: number | null;
  simulator: RunningSimulator | null;
  services: Services;
  /** The bootstrap customer's key, when this start created it. */
  bootstrap: { customerId: string; token: string; generated: boolean } | null;
  /** Told the text of every statement this process's pool completes (tests count a request's). */
  onQuery(listener: (text: string) => void): () => void;
  stop(): Promise<void>;
}

/** The composition root: builds every part this process's role needs and wires them together. */
export async function startApp(config: Config, role: Role, logger: Logger): Promise<RunningApp> {
  const metrics = createMetrics();
  const outages = createOutageLog(logger);
  const stops: (() => Promise<unknown>)[] = [];
  const stopAll = async () => {
    outages.close();
    for (const stop of stops.reverse()) {
      logger.debug({ part: stop.name }, 'stopping');
      await stop().catch((error: unknown) => logger.error({ err: error }, 'error while stopping'));
    }
  };
  try {
    const postgresAt = addressOf(config.databaseUrl, 5432);
    await naming('DATABASE_URL', postgresAt, () => ensureDatabase(config.databaseUrl));
    const db = connectDatabase(config.databaseUrl, config.databaseSchema);
    stops.push(() => db.close());
    const applied = await naming('DATABASE_URL', postgresAt, () => applyMigrations(db.pool, config.databaseSchema, defaultMigrationsDir()));
    if (applied.length) logger.info({ applied }, 'applied migrations');
    const stopProbe = watchPostgres(outages, db.pool, `DATABASE_URL ${postgresAt}`, POSTGRES_PROBE_MS);
    stops.push(async () => stopProbe());

    const redisAt = addressOf(config.redisUrl, 6379);
    const first = connectRedis(config.redisUrl, 'commands');
    stops.push(() => closeRedis(first));
    await naming('REDIS_URL', redisAt, () => whenReady(first));
    const redisConnection = (name: string, connection = connectRedis(config.redisUrl, name)): Redis => {
      outages.watchRedis(connection, name, `REDIS_URL ${redisAt}`);
      if (connection !== first) stops.push(() => closeRedis(connection));
      return connection;
    };
    const redis = redisConnection('commands', first);
    const publisher = redisConnection('events-pub');
    const subscriber = redisConnection('events-sub');
    const bus = createRedisEventBus(publisher, subscriber, config.redisPrefix);
    stops.push(() => bus.close());
    // A commit that wrote events wakes the leading dispatcher (here or in another process).
    const outboxWake = createOutboxWake(publisher, config.redisPrefix, config.databaseSchema);
    db.hooks.onEventsCommitted(() => outboxWake.committed());

    const queue = createTelephonyQueue(redis, config.redisPrefix);
    stops.push(() => queue.close());
    const hotSql = sqlOnPool(db.pool);
    const routeCandidates = createTtlMemo({ lookup: createRouteRepository(db.prisma, hotSql).candidatesFor, ttlMs: config.routeCacheMs });
    const callRepository = createCallRepository(db.prisma, hotSql, routeCandidates.get);
    const flowQueue = createFlowQueue(redis, config.redisPrefix);
    stops.push(() => flowQueue.close());
    const flows = createFlowService(db.prisma);
    const numbers = createNumberService(db.prisma, flows);
    const commands = createQueuedTelephonyCommands(queue);
    const calls = createCallService({ prisma: db.prisma, calls: callRepository, commands, numbers, logger });
    const groupcalls = createGroupcallService({
      prisma: db.prisma,
      calls: callRepository,
      groupcalls: createGroupcallRepository(db.prisma),
      callService: calls,
      commands,
      numbers,
    });
    const activeflows = createActiveflowService({
      flows,
      activeflows: createActiveflowRepository(db.prisma),
      calls,
      jobs: createQueuedFlowJobs(flowQueue),
      parse: parseFlowAction,
      logger: logger.child({ part: 'flows' }),
    });
    const mediaControlEvents = redisConnection('media-control-events');
    const mediaControls = await createQueuedMediaControls(queue, mediaControlEvents, config.redisPrefix);
    stops.push(mediaControls.close);
    const recordingQueue = createRecordingQueue(redis, config.redisPrefix);
    stops.push(() => recordingQueue.close());
    const files = createFileStore({ kind: config.recordings.store, directory: config.recordings.directory, s3: s3SettingsOf(config) });
    const recordingRepository = createRecordingRepository(db.prisma);
    const jwtSecret = config.jwtSecret ?? (await loadSharedSecret(db.prisma, 'jwt'));
    const auth = createAuthService(db.prisma, { jwtSecret, jwtTtlSeconds: config.jwtTtlSeconds, cacheMs: config.authCacheMs }, hotSql);
    const webhooks = createWebhookService(db.prisma, { allowPrivateTargets: config.webhooks.allowPrivateTargets });
    const services: Services = {
      auth,
      customers: createCustomerService(db.prisma, auth, webhooks),
      users: createUserService(db.prisma),
      accessKeys: createAccessKeyService(db.prisma, auth.forgetKeys),
      calls,
      groupcalls,
      media: createMediaControlService({ calls: callRepository, commands: mediaControls.commands }),
      events: createEventService(db.prisma),
      flows,
      numbers,
      activeflows,
      bus,
      recordings: createRecordingService({
        recordings: recordingRepository,
        calls: callRepository,
        commands: createQueuedRecordingCommands(recordingQueue),
        files,
        signer: createDownloadSigner(await loadSharedSecret(db.prisma, 'recording-url'), config.recordings.urlTtlSeconds),
        publicUrl: config.publicUrl,
        logger,
      }),
      webhooks,
      transfers: createTransferService({ transfers: createTransferRepository(db.prisma), calls, flows }),
      routing: createRoutingService(db.prisma, routeCandidates.forget),
      providerCalls: createProviderCallService(db.prisma, calls),
    };
    const bootstrap = await services.auth.bootstrap(config.bootstrapAccessKey);
    await warnIfPublishedKeyWorks(services.auth, logger);

    let simulator: RunningSimulator | null = null;
    if (role !== 'api') {
      const worker = await startWorkers(config, services, { redisConnection, db, logger, files, metrics, outboxWake });
      simulator = worker.simulator;
      stops.push(worker.stop);
    }
    let api: ApiServer | null = null;
    let port: number | null = null;
    const simulatorUrl = simulator?.url ?? `http://${config.simulator.host}:${config.simulator.port}`;
    const mediaServers = config.mediaServers.length ? config.mediaServers : [{ url: simulatorUrl, username: config.ari.username, password: config.ari.password }];
    const dependencies = [postgresCheck(db.pool), redisCheck(redis), mediaServerCheck(() => mediaServers)];
    if (role === 'worker') {
      const operations = createOperationsServer(dependencies, metrics);
      port = await naming('WORKER_PORT', String(config.workerPort), () => operations.listen(config.workerPort, config.host));
      stops.push(() => operations.stop());
    }
    if (role !== 'worker') {
      const sources = createMetricSources(db.pool, redis, config.redisPrefix, [queue, flowQueue, recordingQueue]);
      stops.push(() => sources.close());
      metrics.setSources(sources);
      api = await createApiServer(await buildApiSchema(), services, logger, {
        introspection: config.graphqlIntrospection,
        webAssetsDir: config.webAssetsDir,
        sandboxSimulatorUrl: config.ari.url ? undefined : simulatorUrl,
        metrics,
        dependencies,
        stacktraces: config.graphqlStacktraces,
        rateLimits: {
          limiter: createRedisRateLimiter(redis, config.redisPrefix),
          perCustomer: { windowMs: config.rateLimit.windowMs, limit: config.rateLimit.perCustomer },
          perIp: { windowMs: config.rateLimit.windowMs, limit: config.rateLimit.perIp },
        },
      });
      stops.push(() => (api as ApiServer).stop());
      const server = api;
      port = await naming('PORT', String(config.port), () => server.listen(config.port, config.host));
    }
    return { port, simulator, services, bootstrap, onQuery: db.hooks.onQuery, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** The bucket's settings, when the configuration (which checked them) chose S3. */
function s3SettingsOf(config: Config) {
  const { endpoint, bucket, region, accessKeyId, secretAccessKey } = config.recordings.s3;
  return endpoint && bucket && accessKeyId && secretAccessKey ? { endpoint, bucket, region, accessKeyId, secretAccessKey } : undefined;
}

/** How often the pool is probed to tell a Postgres outage's start and end. */
const POSTGRES_PROBE_MS = 2000;

interface WorkerResources {
  redisConnection: (name: string) => Redis;
  db: ReturnType<typeof connectDatabase>;
  logger: Logger;
  files: FileStore;
  metrics: Metrics;
  outboxWake: OutboxWake;
}

async function startWorkers(config: Config, services: Services, { redisConnection, db, logger, files, metrics, outboxWake }: WorkerResources) {
  const stops: (() => Promise<unknown>)[] = [];
  let simulator: RunningSimulator | null = null;
  if (!config.ari.url) {
    simulator = await naming('SIM_PORT', String(config.simulator.port), () =>
      startAriSimulator({
        port: config.simulator.port,
        host: config.simulator.host,
        username: config.ari.username,
        password: config.ari.password,
        delays: config.simulator.delays,
      }),
    );
    stops.push(() => (simulator as RunningSimulator).close());
    logger.info({ url: simulator.url }, 'ARI simulator started (no ARI_URL given)');
  }
  // The media servers ARI_URL lists, or the embedded simulator. Each has its own ARI client,
  // event consumer and leader lock; the product's commands go through the pool, which sends each
  // to the server its call is on.
  const servers = config.mediaServers.length
    ? config.mediaServers
    : [{ name: 'simulator', url: (simulator as RunningSimulator).url, username: config.ari.username, password: config.ari.password }];
  const several = servers.length > 1;
  const members = servers.map((server) => {
    const ari = createAriMediaServer({ ...server, app: config.ari.app, requestTimeoutMs: config.ari.requestTimeoutMs }, logger.child({ part: 'ari', ...(several ? { mediaServer: server.name } : {}) }));
    // Two servers may hand over channels with the same id: with several, theirs are told apart.
    return { ...server, media: several ? withServerChannelIds(server.name, ari) : ari };
  });
  const names = members.map((member) => member.name);
  const media: MediaServer = several
    ? createMediaServerPool(members, {
        place: (channelId) => services.calls.placeOnMediaServer(channelId, names),
        locate: (channelId) => services.calls.mediaServerOfChannel(channelId),
      })
    : members[0]!.media;
  const connection = redisConnection('telephony-worker');
  const queue = createTelephonyQueue(connection, config.redisPrefix);
  stops.push(() => queue.close());
  const flowQueue = createFlowQueue(connection, config.redisPrefix);
  stops.push(() => flowQueue.close());
  // On the simulator, speech is text it "plays"; on Asterisk, a file espeak-ng synthesizes.
  // One port for the flow's talk and talk on a live call.
  const speech = config.ari.url ? espeakSpeech({ directory: config.tts.directory, soundPrefix: config.tts.soundPrefix }) : simulatorSpeech;
  const flowExecutor = createFlowExecutor({
    activeflows: services.activeflows,
    calls: services.calls,
    callService: services.calls,
    groupcalls: services.groupcalls,
    recordings: services.recordings,
    media,
    speech,
    jobs: createQueuedFlowJobs(flowQueue),
    parse: parseFlowAction,
    logger: logger.child({ part: 'flows' }),
  });
  const reactionQueue = createReactionQueue(connection, config.redisPrefix, config.reactions);
  stops.push(() => reactionQueue.close());
  startRecordingEventConsumer(media, services.recordings, logger.child({ part: 'recordings' }), services.calls);
  for (const [index, member] of members.entries()) {
    startMediaEventConsumer({
      media: member.media,
      calls: services.calls,
      callService: services.calls,
      telephonyQueue: queue,
      reactionQueue,
      logger: several ? logger.child({ mediaServer: member.name }) : logger,
      flows: flowExecutor,
      recordings: services.recordings,
      ...(several ? { server: { name: member.name, first: index === 0 } } : {}),
      lostAfterMs: config.ari.lostAfterMs,
    });
    let connects = 0;
    member.media.onEvent((event) => {
      if (event.type === 'connected' && connects++ > 0) metrics.ariReconnects.inc();
    });
    // Every worker sends commands; one at a time (the leader) hears the events. With several
    // servers, one that is down does not hold the others up: it connects when it can.
    if (several) void member.media.connect();
    else await member.media.connect();
    stops.push(() => member.media.stop());
    const leadership = createAriLeadership({
      pool: db.pool,
      key: `ari:${config.databaseSchema}:${member.url}:${config.ari.app}`,
      media: member.media,
      logger: logger.child({ part: 'ari-leader', ...(several ? { mediaServer: member.name } : {}) }),
      pollMs: config.ari.leaderPollMs,
    });
    await leadership.start();
    stops.push(() => leadership.stop());
  }

  const executeMediaControl = createMediaControlExecutor(db.prisma, media, speech);
  const telephonyWorker: Worker = createTelephonyWorker({
    connection,
    prefix: config.redisPrefix,
    calls: services.calls,
    callService: services.calls,
    media,
    endpoints: config.ari.endpoints,
    logger: logger.child({ part: 'telephony' }),
    executeMediaControl,
    lockMs: config.jobLockMs,
  });
  stops.push(() => telephonyWorker.close());
  const dialTimeouts = startDialTimeoutSweep({ callService: services.calls, everyMs: config.dialTimeoutSweepMs, logger: logger.child({ part: 'dial-timeouts' }) });
  stops.push(() => dialTimeouts.stop());
  const flowWorker = createFlowWorker({ connection, prefix: config.redisPrefix, executor: flowExecutor, logger: logger.child({ part: 'flows' }), lockMs: config.jobLockMs });
  stops.push(() => flowWorker.close());
  const recordingWorker = createRecordingWorker({
    connection,
    prefix: config.redisPrefix,
    recordings: services.recordings,
    calls: services.calls,
    media,
    files,
    logger: logger.child({ part: 'recordings' }),
  });
  stops.push(() => recordingWorker.close());

  const webhooks = startWebhookDelivery({
    connection,
    config,
    deliveries: createWebhookDeliveries(db.prisma),
    // The same REST shape of a snapshot as the topic socket's; a recording's URL is signed when the body is made.
    data: (source) => presentEventData(source, services.recordings),
    logger: logger.child({ part: 'webhooks' }),
    countOutcome: (outcome) => metrics.webhookDeliveries.inc({ outcome }),
  });
  stops.push(() => webhooks.stop());

  const transferReactions = createTransferReactions({
    transfers: services.transfers,
    calls: services.calls,
    effects: createTransferEffects({
      transfers: services.transfers,
      calls: services.calls,
      groupcalls: services.groupcalls,
      bridges: media,
      media,
      control: executeMediaControl,
      activeflows: services.activeflows,
    }),
  });
  const connectActions = connectReactions(
    { activeflows: services.activeflows, calls: services.calls, callService: services.calls, groupcalls: services.groupcalls, media, parse: parseFlowAction },
    services.transfers,
  );
  const reactionLogger = logger.child({ part: 'reactions' });
  const reactionDeps: ReactionHandlerDeps = {
    activeflows: services.activeflows,
    callService: services.calls,
    flows: flowExecutor,
    groupcalls: services.groupcalls,
    connectLeg: connectActions.legChanged,
    connectWinner: connectActions.winnerAnswered,
    connectGroupcallEnded: connectActions.groupcallEnded,
    transferWinner: transferReactions.winnerAnswered,
    transfereesEnded: transferReactions.transfereesEnded,
    transferInput: transferReactions.input,
    transferEffects: transferReactions.onEvent,
    originateAttempt: createAttemptOriginator({ calls: services.calls, media, endpoints: config.ari.endpoints }),
    originateAttemptOf: (call) => originateAttemptOf({ media, endpoints: config.ari.endpoints }, call),
    hangupNow: hangupNow(createChannelHangup({ media, calls: services.calls, callService: services.calls }), createQueuedTelephonyCommands(queue), reactionLogger),
  };
  const reactionHooks = reactionTestHooks(config.reactions);
  const eagerReactions = createEagerReactions(reactionDeps);
  const reactionWorker = createReactionWorker({
    connection,
    prefix: config.redisPrefix,
    handlers: createReactionHandlers(reactionDeps, eagerReactions),
    eager: startEagerReactions({ calls: services.calls, reactions: eagerReactions, hooks: reactionHooks, logger: reactionLogger }),
    gaveUp: services.calls.reactionGaveUp,
    gaveUpGroupcall: services.groupcalls.reactionGaveUp,
    lockMs: config.reactions.lockMs,
    concurrency: config.reactions.concurrency,
    hooks: reactionHooks,
    logger: reactionLogger,
  });
  stops.push(() => reactionWorker.close());

  const dispatcher: OutboxDispatcher = createOutboxDispatcher({
    pool: db.pool,
    schema: config.databaseSchema,
    publish: (events) => services.bus.publish(events),
    react: (events) => enqueueReactions(reactionQueue, events),
    wakeLanes: webhooks.wakeLanes,
    onPublished: (events) => {
      observePublished(metrics, events);
      logCallChanges(logger.child({ part: 'calls' }), events);
    },
    logger: logger.child({ part: 'outbox' }),
  });
  await dispatcher.start();
  stops.push(() => dispatcher.stop());
  await outboxWake.listen(redisConnection('outbox-wake'), dispatcher);

  return {
    simulator,
    async stop() {
      for (const stop of stops.reverse()) await stop();
    },
  };
}
