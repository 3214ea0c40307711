import { ListCallsDocument } from './generated/graphql';
import { graphql } from './support/graphql-client';
import { graphqlSocketCloseCode, tryUpgrade } from './support/sockets';
import { TEST_DATABASE_URL } from './support/database-url';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * One failure answers alike on every surface: Postgres out of reach while a request is
 * authenticated is SERVICE_UNAVAILABLE (503 / close 4503) on REST, GraphQL over HTTP,
 * graphql-ws and the topic socket, never a 401 or a masked 500.
 */
let t: TestApp;
let proxy: TcpProxy;
beforeAll(async () => {
  const target = new URL(TEST_DATABASE_URL);
  proxy = await startTcpProxy(Number(target.port || 5432), target.hostname);
  target.port = String(proxy.port);
  t = await startTestApp({ DATABASE_URL: target.toString() }, 'api');
  await proxy.cut();
});
afterAll(async () => {
  await proxy?.restore();
  await t?.stop();
  await proxy?.close();
});

it('answers 503 SERVICE_UNAVAILABLE on REST', async () => {
  const response = await fetch(`${t.baseUrl}/v1.0/calls?token=${t.accessKey}`);
  expect(response.status).toBe(503);
  expect(((await response.json()) as { error: unknown }).error).toMatchObject({ status: 'UNAVAILABLE', reason: 'SERVICE_UNAVAILABLE' });
});

it('answers HTTP 503 with SERVICE_UNAVAILABLE on GraphQL over HTTP', async () => {
  const result = await graphql(t.baseUrl, t.accessKey, ListCallsDocument, {});
  expect(result.status).toBe(503);
  expect(result.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
});

it('closes graphql-ws with 4503', async () => {
  expect(await graphqlSocketCloseCode(t.baseUrl, t.accessKey)).toBe(4503);
});

it('refuses the topic socket upgrade with 503 and the REST error body', async () => {
  expect(await tryUpgrade(`${t.baseUrl.replace('http', 'ws')}/v1.0/ws?token=${t.accessKey}`)).toMatchObject({ status: 503, reason: 'SERVICE_UNAVAILABLE' });
});
