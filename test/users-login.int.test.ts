import { ListCallsDocument } from './generated/graphql';
import { graphql } from './support/graphql-client';
import { startTestApp, type TestApp } from './support/test-app';

/** Users log in with a password and get a JWT that works wherever an access key does. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

const rest = (path: string, token: string | null, init: RequestInit = {}) =>
  fetch(`${t.baseUrl}${path}`, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' } });
const login = (username: string, password: string) => rest('/auth/login', null, { method: 'POST', body: JSON.stringify({ username, password }) });

it('logs a user in with a JWT accepted by REST, GraphQL and ?token=', async () => {
  const created = await rest('/v1.0/users', t.accessKey, { method: 'POST', body: JSON.stringify({ username: 'alice', password: 'correct horse' }) });
  expect(created.status).toBe(200);
  expect(await created.json()).not.toHaveProperty('password');

  const answer = await login('alice', 'correct horse');
  expect(answer.status).toBe(200);
  const { token } = (await answer.json()) as { token: string };
  expect(token.split('.')).toHaveLength(3);
  expect((await rest('/v1.0/calls', token)).status).toBe(200);
  expect((await fetch(`${t.baseUrl}/v1.0/calls?token=${token}`)).status).toBe(200);
  expect((await graphql(t.baseUrl, token, ListCallsDocument, {})).status).toBe(200);
});

it('answers one 401 for a wrong password and for an unknown user', async () => {
  await rest('/v1.0/users', t.accessKey, { method: 'POST', body: JSON.stringify({ username: 'bob', password: 'bob-password' }) });
  const wrong = await login('bob', 'not-it-at-all');
  const unknown = await login('nobody', 'bob-password');
  expect([wrong.status, unknown.status]).toEqual([401, 401]);
  const [a, b] = (await Promise.all([wrong.json(), unknown.json()])) as { error: { message: string } }[];
  expect(a!.error.message).toBe(b!.error.message);
});

it('stops a deleted user’s token, and keeps users to their customer', async () => {
  const created = (await (await rest('/v1.0/users', t.accessKey, { method: 'POST', body: JSON.stringify({ username: 'carol', password: 'carol-password' }) })).json()) as { id: string };
  const { token } = (await (await login('carol', 'carol-password')).json()) as { token: string };
  const other = await t.newCustomer('other');
  expect((await rest(`/v1.0/users/${created.id}`, other.token, { method: 'DELETE' })).status).toBe(404);
  expect((await rest('/v1.0/calls', token)).status).toBe(200);
  expect((await rest(`/v1.0/users/${created.id}`, t.accessKey, { method: 'DELETE' })).status).toBe(200);
  expect((await rest('/v1.0/calls', token)).status).toBe(401);
});

it('refuses a forged or tampered token', async () => {
  const { token } = (await (await login('alice', 'correct horse')).json()) as { token: string };
  const [header, payload, signature] = token.split('.');
  const tampered = `${header}.${payload!.slice(0, -2)}xx.${signature}`;
  expect((await rest('/v1.0/calls', tampered)).status).toBe(401);
});

it('refuses a weak password and a taken username, naming the field', async () => {
  const weak = await rest('/v1.0/users', t.accessKey, { method: 'POST', body: JSON.stringify({ username: 'dave', password: 'short' }) });
  expect(weak.status).toBe(400);
  expect(((await weak.json()) as { error: { message: string } }).error.message).toMatch(/password/);
  const taken = await rest('/v1.0/users', t.accessKey, { method: 'POST', body: JSON.stringify({ username: 'alice', password: 'another password' }) });
  expect(taken.status).toBe(409);
});
