import type { AddressInfo } from 'node:net';
import express from 'express';
import { AppError } from '../domain/errors';
import type { Logger } from '../platform/logger';
import type { Services } from '../services/services';
import { createRestRouter } from './router';

const failure = new Error('connect ECONNREFUSED 10.0.0.7:5432 password=hunter2');

/** The router over services that fail in chosen ways; no database, no network beyond loopback. */
async function serve() {
  const logged: unknown[] = [];
  const logger = { error: (...args: unknown[]) => logged.push(args) } as unknown as Logger;
  const services = {
    auth: {
      authenticate: async (token: string | null) => {
        if (token !== 'good') throw new AppError('UNAUTHENTICATED', 'The access key is not valid.');
        return { customerId: 'c1', credentialId: 'k1' };
      },
    },
    calls: {
      get: async () => {
        throw failure;
      },
      list: async () => ({ calls: [], cursors: [], next: null }),
      findChained: async () => [],
    },
  } as unknown as Services;
  const app = express();
  app.use((_req, res, next) => {
    res.locals.requestId = 'req_test';
    next();
  });
  app.use('/v1.0', createRestRouter(services, logger));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`;
  return { base, logged, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('the REST router', () => {
  let s: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    s = await serve();
  });
  afterAll(async () => {
    await s.close();
  });

  it('masks an unexpected error as 500 INTERNAL and logs it with the request id', async () => {
    const response = await fetch(`${s.base}/calls/3f0e1b8a-2f7c-4f5e-9a51-8d7a4c1e2b60?token=good`);
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body).toEqual({ error: { status: 'INTERNAL', reason: 'INTERNAL', message: expect.any(String), request_id: 'req_test' } });
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|hunter2|5432/);
    expect(JSON.stringify(s.logged)).toContain('req_test');
    expect(JSON.stringify(s.logged)).not.toContain('token=good');
  });

  it('answers 401 with WWW-Authenticate before reading the body', async () => {
    const response = await fetch(`${s.base}/calls?token=bad`, { method: 'POST', body: '{not json' });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(((await response.json()) as { error: unknown }).error).toMatchObject({ status: 'UNAUTHENTICATED', reason: 'UNAUTHENTICATED' });
  });

  it('reads a JSON body whatever its Content-Type (as curl -d sends it)', async () => {
    const response = await fetch(`${s.base}/calls?token=good`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '{"source":' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: unknown }).error).toMatchObject({ status: 'INVALID_ARGUMENT', message: 'The request body is not valid JSON.' });
  });

  it('answers a list with result [] and an empty next_page_token when there is nothing', async () => {
    const response = await fetch(`${s.base}/calls?token=good`);
    expect(await response.json()).toEqual({ result: [], next_page_token: '' });
  });
});
