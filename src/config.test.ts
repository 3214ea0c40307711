import { loadConfig } from './config';

describe('settings', () => {
  it('has defaults a newcomer can start with', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, redisUrl: 'redis://127.0.0.1:6379', simulator: { port: 8088 }, ari: { url: undefined, app: 'opencall' } });
    expect(config.databaseUrl).toBe('postgresql://postgres@127.0.0.1:5432/opencall');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads the environment, an empty ARI_URL meaning the simulator', () => {
    const config = loadConfig({ PORT: '4000', ARI_URL: '', ARI_ENDPOINT_TEL: 'Local/{target}@sandbox', SIM_RING_MS: '5' });
    expect(config.port).toBe(4000);
    expect(config.ari.url).toBeUndefined();
    expect(config.ari.endpoints.tel).toBe('Local/{target}@sandbox');
    expect(config.simulator.delays.ringMs).toBe(5);
  });

  it('reads several media servers from ARI_URL, each with its credentials, and refuses a bad list', () => {
    const config = loadConfig({ ARI_URL: 'east=http://e:pw@10.0.0.1:8088,http://10.0.0.2:8088', ARI_PASSWORD: 'shared' });
    expect(config.mediaServers).toEqual([
      { name: 'east', url: 'http://10.0.0.1:8088', username: 'e', password: 'pw' },
      { name: '10.0.0.2:8088', url: 'http://10.0.0.2:8088', username: 'opencall', password: 'shared' },
    ]);
    expect(loadConfig({}).mediaServers).toEqual([]);
    expect(() => loadConfig({ ARI_URL: 'a=http://x:1,a=http://y:1', PORT: 'eighty' })).toThrow(/port[\s\S]*ari.url: ARI_URL names the media server "a" twice/);
  });

  it('keeps webhooks away from private targets unless told, with VoIPBIN’s timeout and retries', () => {
    expect(loadConfig({}).webhooks).toEqual({ allowPrivateTargets: false, timeoutMs: 5000, maxRetries: 3, backoffMs: 1000, sweepMs: 2000, concurrency: 32 });
    expect(loadConfig({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' }).webhooks.allowPrivateTargets).toBe(true);
    expect(() => loadConfig({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'yes' })).toThrow(/webhooks.allowPrivateTargets/);
  });

  it('fails at start listing every bad setting at once', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'not a url', LOG_LEVEL: 'loud' })).toThrow(/port[\s\S]*databaseUrl[\s\S]*logLevel/);
  });

  it('keeps recordings in ./recordings by default, and requires the bucket settings for s3', () => {
    expect(loadConfig({}).recordings).toMatchObject({ store: 'local', directory: './recordings', urlTtlSeconds: 3600 });
    expect(() => loadConfig({ RECORDING_STORE: 's3', RECORDING_S3_BUCKET: 'b' })).toThrow(/RECORDING_S3_ENDPOINT[\s\S]*RECORDING_S3_ACCESS_KEY_ID[\s\S]*RECORDING_S3_SECRET_ACCESS_KEY/);
    const s3 = loadConfig({ RECORDING_STORE: 's3', RECORDING_S3_ENDPOINT: 'http://minio:9000', RECORDING_S3_BUCKET: 'b', RECORDING_S3_ACCESS_KEY_ID: 'k', RECORDING_S3_SECRET_ACCESS_KEY: 's' });
    expect(s3.recordings.s3).toEqual({ endpoint: 'http://minio:9000', bucket: 'b', region: 'us-east-1', accessKeyId: 'k', secretAccessKey: 's' });
  });
});
