import { DeleteCallDocument, HangupCallDocument } from './generated/graphql';
import { graphql } from './support/graphql-client';
import { rest, type Json } from './support/rest';
import { statementsDuring } from './support/statements';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * The API's hangup of an answered call (REST POST /calls/{id}/hangup and DELETE, GraphQL
 * hangupCall and deleteCall) is one conditional move limited to the customer's own calls, with
 * no read of the call first; every other state takes the read-then-decide path and answers as
 * before.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

const SOURCE = { type: 'tel', target: '+15551234567' };
let next = 0;
/** A far end that answers and stays up. */
const answers = () => ({ type: 'tel', target: `+15559876${String(next++).padStart(3, '0')}` });

async function answeredCall(): Promise<string> {
  const id = (await rest(t, 'POST', '/calls', { source: SOURCE, destinations: [answers()] })).body.calls[0].id as string;
  await waitFor(async () => (await rest(t, 'GET', `/calls/${id}`)).body.status, (status) => status === 'progressing', 'the call to be answered');
  return id;
}

const callAndHistory = async (id: string) => ({
  call: (await rest(t, 'GET', `/calls/${id}`)).body,
  history: ((await rest(t, 'GET', `/calls/${id}/events`)).body.result as Json[]).length,
});

/** How often a request read the call by id and customer (the read before a decision). */
async function readsDuring(request: () => Promise<unknown>): Promise<number> {
  return (await statementsDuring(t, request)).statements.filter((text) => /SELECT \* FROM calls\s+WHERE id = \$1::uuid AND customer_id = \$2::uuid/.test(text)).length;
}

describe('hanging up an answered call', () => {
  it('another customer gets 404 / CALL_NOT_FOUND from every hangup and delete, and the call is as it was', async () => {
    const id = await answeredCall();
    const before = await callAndHistory(id);
    const other = await t.newCustomer('intruder');
    for (const [method, path] of [['POST', `/calls/${id}/hangup`], ['DELETE', `/calls/${id}`]] as const) {
      const answer = await rest(t, method, path, undefined, other.token);
      expect(answer.status).toBe(404);
      expect(answer.body.error).toMatchObject({ status: 'NOT_FOUND', reason: 'CALL_NOT_FOUND' });
    }
    expect((await graphql(t.baseUrl, other.token, HangupCallDocument, { id })).errors?.[0]?.extensions?.code).toBe('CALL_NOT_FOUND');
    expect((await graphql(t.baseUrl, other.token, DeleteCallDocument, { id })).errors?.[0]?.extensions?.code).toBe('CALL_NOT_FOUND');
    expect(await callAndHistory(id)).toEqual(before);
    expect(before.call.status).toBe('progressing');
  });

  // A hangup answers the call as its move left it; a delete as its second statement (tm_delete)
  // left it, by which time the channel's end may have come back and ended the call.
  const HUNG_UP = ['terminating'];
  const DELETED = ['terminating', 'hangup'];
  it.each([
    ['REST POST /hangup', HUNG_UP, (id: string) => rest(t, 'POST', `/calls/${id}/hangup`).then((answer) => answer.body.status)],
    ['REST DELETE', DELETED, (id: string) => rest(t, 'DELETE', `/calls/${id}`).then((answer) => answer.body.status)],
    ['GraphQL hangupCall', HUNG_UP, (id: string) => graphql(t.baseUrl, t.accessKey, HangupCallDocument, { id }).then((answer) => answer.data?.hangupCall.status.toLowerCase())],
    ['GraphQL deleteCall', DELETED, (id: string) => graphql(t.baseUrl, t.accessKey, DeleteCallDocument, { id }).then((answer) => answer.data?.deleteCall.status.toLowerCase())],
  ])('%s of the customer’s own answered call moves it without reading it first, and it ends local/normal', async (_, answered, hangup) => {
    const id = await answeredCall();
    let status: string | undefined;
    expect(await readsDuring(async () => (status = await hangup(id)))).toBe(0);
    expect(answered).toContain(status);
    const ended = await waitFor(async () => (await rest(t, 'GET', `/calls/${id}`)).body, (call) => call.status === 'hangup', 'the call to end');
    expect(ended).toMatchObject({ hangup_by: 'local', hangup_reason: 'normal' });
    const events = ((await rest(t, 'GET', `/calls/${id}/events`)).body.result as Json[]).map((event) => event.type);
    expect(events.filter((type) => type === 'call_updated')).toHaveLength(1); // one move to terminating
  });
});

describe('hanging up a call in another state (read, then decided as before)', () => {
  it('a ringing call is canceled, after reading it', async () => {
    const id = (await rest(t, 'POST', '/calls', { source: SOURCE, destinations: [{ type: 'tel', target: '+15550002001' }] })).body.calls[0].id as string;
    await waitFor(async () => (await rest(t, 'GET', `/calls/${id}`)).body.status, (status) => status === 'ringing', 'the call to ring');
    let status: string | undefined;
    expect(await readsDuring(async () => (status = (await rest(t, 'POST', `/calls/${id}/hangup`)).body.status))).toBe(1);
    expect(status).toBe('canceling');
    expect(await waitFor(async () => (await rest(t, 'GET', `/calls/${id}`)).body, (call) => call.status === 'hangup', 'the call to end')).toMatchObject({ hangup_by: 'local', hangup_reason: 'cancel' });
  });

  it('an ended call answers 409 CALL_ALREADY_HUNGUP to a hangup and changes nothing; DELETE still hides it', async () => {
    const id = await answeredCall();
    await rest(t, 'POST', `/calls/${id}/hangup`);
    await waitFor(async () => (await rest(t, 'GET', `/calls/${id}`)).body.status, (status) => status === 'hangup', 'the call to end');
    const before = await callAndHistory(id);
    const again = await rest(t, 'POST', `/calls/${id}/hangup`);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ status: 'FAILED_PRECONDITION', reason: 'CALL_ALREADY_HUNGUP' });
    expect((await graphql(t.baseUrl, t.accessKey, HangupCallDocument, { id })).errors?.[0]?.extensions?.code).toBe('CALL_ALREADY_HUNGUP');
    expect(await callAndHistory(id)).toEqual(before);
    const deleted = await rest(t, 'DELETE', `/calls/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ id, status: 'hangup', hangup_reason: 'normal' });
    expect(deleted.body.tm_delete).not.toBe(before.call.tm_delete);
  });
});
