import { z } from 'zod';
import { parseMediaServers, type MediaServerSettings } from './domain/media-servers';

/**
 * Every setting of the product, parsed once from the environment at start. `mediaServers`: the
 * media servers ARI_URL lists (domain/media-servers.ts); empty: the embedded simulator.
 */
export type Config = Readonly<z.infer<typeof configSchema> & { mediaServers: readonly MediaServerSettings[] }>;

const int = (fallback: number) => z.coerce.number().int().nonnegative().default(fallback);
const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

const configSchema = z.object({
  port: int(3000),
  /** Where a worker-only process serves /healthz, /readyz and /metrics (the API serves them on PORT). */
  workerPort: int(3001),
  host: z.string().default('0.0.0.0'),
  databaseUrl: z.string().url().default('postgresql://postgres@127.0.0.1:5432/opencall'),
  /** Postgres schema to use inside the database (tests give every file its own). */
  databaseSchema: z.string().regex(/^[a-z_][a-z0-9_]*$/).default('public'),
  redisUrl: z.string().default('redis://127.0.0.1:6379'),
  /** Prefix of every Redis key and channel, so several installs or test files share one Redis. */
  redisPrefix: z.string().default('opencall'),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** JSON lines, or lines for a person; auto: for a person when stdout is a terminal. */
  logFormat: z.enum(['auto', 'json', 'pretty']).default('auto'),
  bootstrapAccessKey: optionalString,
  /** The key of login JWTs; unset: one is made at the first start and kept in the database. */
  jwtSecret: optionalString.pipe(z.string().min(32).optional()),
  jwtTtlSeconds: z.coerce.number().int().positive().default(3600),
  /**
   * How long a process trusts an access key it looked up (0: every request looks it up). A key
   * deleted or expired in another process may work here for up to this long; in the process that
   * changed it, it stops at once.
   */
  authCacheMs: z.coerce.number().int().min(0).default(1000),
  /**
   * How long a process plans calls with the routes and providers it read (0: read them for every
   * call). A change made through another process applies to the calls made here after up to this
   * long; in the process that made it, at once.
   */
  routeCacheMs: z.coerce.number().int().min(0).default(1000),
  /** Requests allowed per window, per customer and per client IP (Redis counters). */
  rateLimit: z.object({
    windowMs: z.coerce.number().int().positive().default(1000),
    perCustomer: z.coerce.number().int().positive().default(1000),
    perIp: z.coerce.number().int().positive().default(2000),
  }),
  /** Where the browser bundles are (the console, the explorer); unset: dist/web of this install. */
  webAssetsDir: optionalString,
  /** GraphQL introspection, which the explorer needs (on by default; off for a locked-down API). */
  graphqlIntrospection: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
  /** Stack traces in GraphQL errors: a development setting, off unless asked for. */
  graphqlStacktraces: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  /** The API's public origin (e.g. https://api.example.com) for the URLs it hands out; unset: the request's. */
  publicUrl: optionalString.pipe(z.string().url().optional()),
  /** Recording files: a local directory (default), or an S3-compatible store (see docs/architecture.md). */
  recordings: z
    .object({
      store: z.enum(['local', 's3']).default('local'),
      directory: z.string().min(1).default('./recordings'),
      /** Lifetime of a signed download URL (VoIPBIN: one hour). */
      urlTtlSeconds: z.coerce.number().int().positive().default(3600),
      s3: z.object({
        endpoint: optionalString.pipe(z.string().url().optional()),
        bucket: optionalString,
        region: z.string().default('us-east-1'),
        accessKeyId: optionalString,
        secretAccessKey: optionalString,
      }),
    })
    .superRefine((recordings, context) => {
      if (recordings.store !== 's3') return;
      for (const [field, name] of [['endpoint', 'ENDPOINT'], ['bucket', 'BUCKET'], ['accessKeyId', 'ACCESS_KEY_ID'], ['secretAccessKey', 'SECRET_ACCESS_KEY']] as const) {
        if (!recordings.s3[field]) context.addIssue({ code: 'custom', path: ['s3', field], message: `RECORDING_S3_${name} is required when RECORDING_STORE=s3` });
      }
    }),
  /** Webhook delivery: timeout per attempt, retries (doubling from backoffMs), the safety-net sweep. */
  webhooks: z.object({
    /** Lets webhooks reach private, loopback and link-local addresses (tests, closed networks). */
    allowPrivateTargets: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
    timeoutMs: z.coerce.number().int().positive().default(5000),
    maxRetries: int(3),
    backoffMs: z.coerce.number().int().positive().default(1000),
    sweepMs: z.coerce.number().int().positive().default(2000),
    concurrency: z.coerce.number().int().positive().default(32),
  }),
  /**
   * How long a worker holds a telephony or flow job (originates, hangups, flow steps): the jobs
   * of a worker that died go to another after it, so a call waits at most this long to be dialled.
   */
  jobLockMs: z.coerce.number().int().positive().default(30_000),
  /**
   * How often each worker ends the calls dialing or ringing past their dial timeout
   * (src/workers/dial-timeouts.ts): a call rings at most this much longer than its dial_timeout.
   */
  dialTimeoutSweepMs: z.coerce.number().int().positive().default(1000),
  /** Reactions to committed events (src/workers/reactions/): attempts, first backoff, job lock. */
  reactions: z.object({
    attempts: z.coerce.number().int().positive().default(5),
    backoffMs: z.coerce.number().int().positive().default(200),
    /** How long a worker holds a reaction job: a worker that died loses its jobs to another after it. */
    lockMs: z.coerce.number().int().positive().default(30_000),
    concurrency: z.coerce.number().int().positive().default(50),
    /**
     * Test hooks, never set in production: `hold` (a reaction name) makes this process take that
     * reaction's jobs and never finish them (printing `reaction held <job id>`), so a test can kill
     * it in the window; `fail` (`<reaction>:<times>` or `<reaction>:always`) fails its attempts.
     */
    testHold: optionalString,
    testFail: optionalString,
  }),
  ari: z.object({
    url: optionalString,
    username: z.string().default('opencall'),
    password: z.string().default('opencall'),
    app: z.string().default('opencall'),
    /** How often a standby worker tries to become the one that hears the ARI events. */
    leaderPollMs: z.coerce.number().int().positive().default(1000),
    /** How long a media server's event stream may stay unreachable before its live calls are ended. */
    lostAfterMs: z.coerce.number().int().positive().default(30_000),
    /** The longest an ARI request may take before it counts as failed (ari-client has no timeout). */
    requestTimeoutMs: z.coerce.number().int().positive().default(10_000),
    endpoints: z.object({
      tel: z.string().default('PJSIP/{target}@carrier'),
      sip: z.string().default('PJSIP/sipout/sip:{target}'),
      endpoint: z.string().default('PJSIP/{target}'),
      extension: z.string().default('PJSIP/{target}'),
    }),
  }),
  /** Speech for talk actions on a real Asterisk (espeak-ng): where files go, how Asterisk names them. */
  tts: z.object({
    directory: z.string().default('/var/lib/asterisk/sounds/opencall-tts'),
    soundPrefix: z.string().default('opencall-tts'),
  }),
  simulator: z.object({
    port: int(8088),
    host: z.string().default('127.0.0.1'),
    delays: z.object({
      ringMs: int(300),
      answerMs: int(1500),
      giveUpMs: int(2000),
      remoteHangupMs: int(1000),
    }),
  }),
});

type Env = Record<string, string | undefined>;

/** Reads the environment once; fails listing every problem, so a bad start says all it needs. */
export function loadConfig(env: Env = process.env): Config {
  const parsed = configSchema.safeParse({
    port: env.PORT,
    workerPort: env.WORKER_PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    databaseSchema: env.DATABASE_SCHEMA,
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX,
    logLevel: env.LOG_LEVEL,
    logFormat: env.LOG_FORMAT,
    bootstrapAccessKey: env.BOOTSTRAP_ACCESS_KEY,
    jwtSecret: env.JWT_SECRET,
    jwtTtlSeconds: env.JWT_TTL_SECONDS,
    authCacheMs: env.AUTH_CACHE_MS,
    routeCacheMs: env.ROUTE_CACHE_MS,
    graphqlIntrospection: env.GRAPHQL_INTROSPECTION,
    webAssetsDir: env.WEB_ASSETS_DIR,
    graphqlStacktraces: env.GRAPHQL_STACKTRACES,
    rateLimit: { windowMs: env.RATE_LIMIT_WINDOW_MS, perCustomer: env.RATE_LIMIT_PER_CUSTOMER, perIp: env.RATE_LIMIT_PER_IP },
    publicUrl: env.PUBLIC_URL,
    recordings: {
      store: env.RECORDING_STORE,
      directory: env.RECORDING_DIR,
      urlTtlSeconds: env.RECORDING_URL_TTL_SECONDS,
      s3: {
        endpoint: env.RECORDING_S3_ENDPOINT,
        bucket: env.RECORDING_S3_BUCKET,
        region: env.RECORDING_S3_REGION,
        accessKeyId: env.RECORDING_S3_ACCESS_KEY_ID,
        secretAccessKey: env.RECORDING_S3_SECRET_ACCESS_KEY,
      },
    },
    webhooks: {
      allowPrivateTargets: env.WEBHOOK_ALLOW_PRIVATE_TARGETS,
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
      maxRetries: env.WEBHOOK_MAX_RETRIES,
      backoffMs: env.WEBHOOK_BACKOFF_MS,
      sweepMs: env.WEBHOOK_SWEEP_MS,
      concurrency: env.WEBHOOK_CONCURRENCY,
    },
    jobLockMs: env.JOB_LOCK_MS,
    dialTimeoutSweepMs: env.DIAL_TIMEOUT_SWEEP_MS,
    reactions: {
      attempts: env.REACTION_ATTEMPTS,
      backoffMs: env.REACTION_BACKOFF_MS,
      lockMs: env.REACTION_LOCK_MS,
      concurrency: env.REACTION_CONCURRENCY,
      testHold: env.TEST_HOOK_HOLD_REACTION,
      testFail: env.TEST_HOOK_FAIL_REACTION,
    },
    ari: {
      url: env.ARI_URL,
      username: env.ARI_USERNAME,
      password: env.ARI_PASSWORD,
      app: env.ARI_APP,
      leaderPollMs: env.ARI_LEADER_POLL_MS,
      lostAfterMs: env.ARI_LOST_AFTER_MS,
      requestTimeoutMs: env.ARI_REQUEST_TIMEOUT_MS,
      endpoints: {
        tel: env.ARI_ENDPOINT_TEL,
        sip: env.ARI_ENDPOINT_SIP,
        endpoint: env.ARI_ENDPOINT_ENDPOINT,
        extension: env.ARI_ENDPOINT_EXTENSION,
      },
    },
    tts: { directory: env.TTS_DIRECTORY, soundPrefix: env.TTS_SOUND_PREFIX },
    simulator: {
      port: env.SIM_PORT,
      host: env.SIM_HOST,
      delays: {
        ringMs: env.SIM_RING_MS,
        answerMs: env.SIM_ANSWER_MS,
        giveUpMs: env.SIM_GIVE_UP_MS,
        remoteHangupMs: env.SIM_REMOTE_HANGUP_MS,
      },
    },
  });
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  let mediaServers: MediaServerSettings[] = [];
  try {
    mediaServers = parseMediaServers(env.ARI_URL, { username: env.ARI_USERNAME || 'opencall', password: env.ARI_PASSWORD || 'opencall' });
  } catch (error) {
    problems.push(`ari.url: ${(error as Error).message}`);
  }
  if (!parsed.success || problems.length) throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  return Object.freeze({ ...parsed.data, mediaServers });
}

export type SimulatorDelays = Config['simulator']['delays'];
