import { restCall } from './support/rest-client';
import { startTestApp, TEST_SOURCE_NUMBER, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/** /sandbox: the far end of your own calls, played through the API with your key, and no one else's. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

const sandbox = async (method: string, path: string, token: string | null, body?: unknown) => {
  const response = await fetch(new URL(`/sandbox${path}`, t.baseUrl), {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
};

async function ringingCall(): Promise<string> {
  const made = await restCall(t.baseUrl, t.accessKey, 'POST', '/calls', { source: { type: 'tel', target: TEST_SOURCE_NUMBER }, destinations: [{ type: 'tel', target: '+15550002777' }] });
  const id = made.body.calls[0].id as string;
  await waitFor(() => restCall(t.baseUrl, t.accessKey, 'GET', `/calls/${id}`), (answer) => answer.body.status === 'ringing', 'ringing');
  return id;
}

it('answers, presses keys and hangs up the far end of your call', async () => {
  const id = await ringingCall();
  expect((await sandbox('POST', `/calls/${id}/answer`, t.accessKey)).status).toBe(204);
  await waitFor(() => restCall(t.baseUrl, t.accessKey, 'GET', `/calls/${id}`), (answer) => answer.body.status === 'progressing', 'progressing');
  expect((await sandbox('POST', `/calls/${id}/dtmf`, t.accessKey, { digits: '42' })).status).toBe(204);
  await waitFor(() => sandbox('GET', `/calls/${id}`, t.accessKey), (answer) => answer.body.channel?.dtmf_sent?.join('') === '42', 'the keys pressed');
  expect((await sandbox('POST', `/calls/${id}/hangup`, t.accessKey)).status).toBe(204);
  const ended = await waitFor(() => restCall(t.baseUrl, t.accessKey, 'GET', `/calls/${id}`), (answer) => answer.body.status === 'hangup', 'hangup');
  expect(ended.body.hangup_by).toBe('remote');
});

it('refuses without a key, refuses another customer’s call as not found, and refuses bad keys', async () => {
  const id = await ringingCall();
  expect((await sandbox('POST', `/calls/${id}/answer`, null)).status).toBe(401);
  const other = await t.newCustomer('intruder');
  const foreign = await sandbox('POST', `/calls/${id}/hangup`, other.token);
  expect(foreign.status).toBe(404);
  expect(foreign.body.error.status).toBe('NOT_FOUND');
  const bad = await sandbox('POST', `/calls/${id}/dtmf`, t.accessKey, { digits: 'xyz' });
  expect(bad.status).toBe(400);
  expect(bad.body.error.message).toContain('digits');
  expect((await restCall(t.baseUrl, t.accessKey, 'GET', `/calls/${id}`)).body.status).toBe('ringing');
  await sandbox('POST', `/calls/${id}/hangup`, t.accessKey);
});

it('says 409 once the far end is gone', async () => {
  const id = await ringingCall();
  await sandbox('POST', `/calls/${id}/hangup`, t.accessKey);
  await waitFor(() => sandbox('GET', `/calls/${id}`, t.accessKey), (answer) => answer.body.present === false || answer.body.channel?.state === 'Destroyed', 'the channel to go');
  const late = await sandbox('POST', `/calls/${id}/answer`, t.accessKey);
  expect(late.status).toBe(409);
});
