import { Client } from 'pg';
import { GetCallMediaDocument, TalkCallDocument } from './generated/graphql';
import { activeflowOfCall, createCalls, farEnd, getCall, heard, waitForActiveflow, waitForCall, waitForHangup } from './support/flows';
import { graphql } from './support/graphql-client';
import { rest, type Json } from './support/rest';
import { simPost } from './support/sim';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * Talk on a live call (`POST /v1.0/calls/{id}/talk`, `talkCall`): the far end hears the text
 * through the same speech port as the flow's talk; only a progressing call may be spoken to;
 * bad input is refused naming the field; another customer's call is not found.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

const SOURCE = { type: 'tel', target: '+15551234567' };
const callTo = async (target: string, extra: Json = {}) => (await createCalls(t, { source: SOURCE, destinations: [{ type: 'tel', target }], ...extra }))[0]!.id as string;
const waitForStatus = (id: string, status: string) => waitForCall(t, id, (call) => call.status === status, `call ${id} ${status}`);
/** The far end's record with what it heard, not when each prompt ended (earlier ones play on). */
const farEndHeard = async (id: string) => {
  const record = await farEnd(t, id);
  return { ...record, played: heard(record) };
};
const played = async (id: string) => ((await farEnd(t, id))?.played ?? []) as Json[];
const eventTypes = async (id: string) => ((await rest(t, 'GET', `/calls/${id}/events`)).body.result as Json[]).map((event) => event.type as string);

async function answeredCall(): Promise<string> {
  const id = await callTo('+15559871001');
  await waitForStatus(id, 'progressing');
  return id;
}

describe('POST /v1.0/calls/{id}/talk on a progressing call', () => {
  let id: string;
  beforeAll(async () => {
    id = await answeredCall();
  });

  it('the far end hears the text; the answer is the call, unchanged and with no event', async () => {
    const before = await getCall(t, id);
    const events = await eventTypes(id);
    const answer = await rest(t, 'POST', `/calls/${id}/talk`, { text: 'Your order has shipped.', language: 'en-US' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(before);
    expect(heard(await farEnd(t, id))).toEqual(['Your order has shipped.']);
    expect((await played(id))[0]).toMatchObject({ media: `tts:${encodeURIComponent('Your order has shipped.')}`, playback_id: expect.stringMatching(/^talk_/) });
    expect(await eventTypes(id)).toEqual(events);
  });

  it('answers once the speech has started: it plays on after the answer, until it ends', async () => {
    // 8000 characters play for 16 s on the simulator: the answer comes long before the end.
    const text = 'Please hold. '.repeat(615).slice(0, 8000);
    const answer = await rest(t, 'POST', `/calls/${id}/talk`, { text });
    expect(answer.status).toBe(200);
    const entry = (await played(id)).find((item) => item.text === text);
    expect(entry).toMatchObject({ finished_at: null, stopped: false });
    // Talk again while it plays: both are heard; the language defaults to en-US.
    expect((await rest(t, 'POST', `/calls/${id}/talk`, { text: 'And again.' })).status).toBe(200);
    expect(heard(await farEnd(t, id)).slice(-2)).toEqual([text, 'And again.']);
  });

  it.each([
    ['no text', 'text', {}],
    ['empty text', 'text', { text: '' }],
    ['blank text', 'text', { text: '  ' }],
    ['a number', 'text', { text: 42 }],
    ['an array', 'text', { text: ['hi'] }],
    ['10001 characters', 'text', { text: 'x'.repeat(10_001) }],
    ['a sentence for a language', 'language', { text: 'hi', language: 'english please' }],
    ['a number for a language', 'language', { text: 'hi', language: 1 }],
  ])('%s answers 400 naming %s and plays nothing', async (_what, field, body) => {
    const before = await getCall(t, id);
    const farBefore = await farEndHeard(id);
    const answer = await rest(t, 'POST', `/calls/${id}/talk`, body);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ status: 'INVALID_ARGUMENT' });
    expect(answer.body.error.message).toContain(field);
    expect(await getCall(t, id)).toEqual(before);
    expect(await farEndHeard(id)).toEqual(farBefore);
  });

  it('another customer gets 404 and nothing plays', async () => {
    const other = await t.newCustomer('talk-other');
    const farBefore = await farEndHeard(id);
    const answer = await rest(t, 'POST', `/calls/${id}/talk`, { text: 'not yours' }, other.token);
    expect(answer.status).toBe(404);
    expect(answer.body.error).toMatchObject({ status: 'NOT_FOUND', reason: 'CALL_NOT_FOUND' });
    const graphqlAnswer = await graphql(t.baseUrl, other.token, TalkCallDocument, { id, input: { text: 'not yours' } });
    expect(graphqlAnswer.errors?.[0]?.extensions?.code).toBe('CALL_NOT_FOUND');
    expect(await farEndHeard(id)).toEqual(farBefore);
  });
});

describe('talk on a call that is not progressing', () => {
  async function expectConflict(id: string, status: string) {
    const before = await getCall(t, id);
    const farBefore = await farEnd(t, id);
    const answer = await rest(t, 'POST', `/calls/${id}/talk`, { text: 'anyone there?' });
    expect(answer.status).toBe(409);
    expect(answer.body.error).toMatchObject({ status: 'FAILED_PRECONDITION', reason: status === 'hangup' ? 'CALL_ALREADY_HUNGUP' : 'CALL_NOT_ANSWERED' });
    expect(answer.body.error.message).toContain(status);
    const graphqlAnswer = await graphql(t.baseUrl, t.accessKey, TalkCallDocument, { id, input: { text: 'anyone there?' } });
    expect(graphqlAnswer.errors?.[0]?.extensions?.code).toBe(status === 'hangup' ? 'CALL_ALREADY_HUNGUP' : 'CALL_NOT_ANSWERED');
    expect(await getCall(t, id)).toEqual(before);
    expect(await farEnd(t, id)).toEqual(farBefore);
    expect(heard(await farEnd(t, id))).toEqual([]);
  }

  it('a ringing call answers 409 and the far end hears nothing', async () => {
    const id = await callTo('+15550002101'); // rings, never answers
    await waitForStatus(id, 'ringing');
    await expectConflict(id, 'ringing');
    await rest(t, 'POST', `/calls/${id}/hangup`);
    await waitForHangup(t, id);
  });

  it('a hung-up call answers 409 and the far end hears nothing', async () => {
    const id = await answeredCall();
    await simPost(t.simUrl, `/sim/channels/${id}/hangup`, { cause: 16 });
    await waitForStatus(id, 'hangup');
    await expectConflict(id, 'hangup');
  });

  it('a call whose channel is already gone answers 409 and records nothing', async () => {
    // The far end is busy, so the channel is gone; the row is made to look progressing, as if
    // its ChannelDestroyed were still on its way.
    const id = await callTo('+15550001301');
    await waitForStatus(id, 'hangup');
    const pg = new Client({ connectionString: t.config.databaseUrl, options: `-c search_path=${t.config.databaseSchema}` });
    await pg.connect();
    try {
      await pg.query(`UPDATE calls SET status = 'progressing' WHERE id = $1`, [id]);
      const before = await getCall(t, id);
      const events = await eventTypes(id);
      const answer = await rest(t, 'POST', `/calls/${id}/talk`, { text: 'too late' });
      expect(answer.status).toBe(409);
      expect(answer.body.error).toMatchObject({ reason: 'CALL_ENDING', message: expect.stringContaining('channel') });
      expect(await getCall(t, id)).toEqual(before);
      expect(await eventTypes(id)).toEqual(events);
    } finally {
      await pg.end();
    }
  });
});

describe('talk on a call running a flow', () => {
  it('is heard without moving the flow: its end is not the end of a flow action', async () => {
    const id = await callTo('+15559871002', {
      actions: [{ type: 'sleep', option: { duration: 600_000 } }, { type: 'talk', option: { text: 'after the sleep' } }],
    });
    await waitForActiveflow(t, id, (flow) => flow.current_action?.type === 'sleep', 'the flow to sleep');
    expect((await rest(t, 'POST', `/calls/${id}/talk`, { text: 'an announcement' })).status).toBe(200);
    await waitFor(() => played(id), (items) => items.some((item) => item.text === 'an announcement' && item.finished_at !== null), 'the announcement to end');
    await rest(t, 'POST', `/calls/${id}/hangup`);
    await waitForHangup(t, id);
    const flow = await waitForActiveflow(t, id, (item) => item.status === 'ended', 'the flow to end');
    expect(flow.executed_actions.map((action: Json) => action.type)).toEqual(['sleep']);
    expect(flow.executed_actions[0]).toMatchObject({ error: 'the call ended during the action' });
    expect(heard(await farEnd(t, id))).toEqual(['an announcement']);
    expect(await activeflowOfCall(t, id)).toMatchObject({ status: 'ended' });
  });
});

describe('talkCall (GraphQL)', () => {
  let id: string;
  beforeAll(async () => {
    id = await answeredCall();
  });

  it('speaks the text to the far end and answers the call', async () => {
    const result = await graphql(t.baseUrl, t.accessKey, TalkCallDocument, { id, input: { text: 'Hola, buenos días.', language: 'es-ES' } });
    expect(result.errors).toBeUndefined();
    expect(result.data?.talkCall).toEqual((await graphql(t.baseUrl, t.accessKey, GetCallMediaDocument, { id })).data?.call);
    expect(result.data?.talkCall).toMatchObject({ id, status: 'PROGRESSING' });
    expect(heard(await farEnd(t, id))).toEqual(['Hola, buenos días.']);
  });

  it.each([
    ['empty text', 'text', { text: '' }],
    ['10001 characters', 'text', { text: 'y'.repeat(10_001) }],
    ['a malformed language', 'language', { text: 'hi', language: 'en_US!' }],
  ])('%s is VALIDATION_FAILED naming %s and plays nothing', async (_what, field, input) => {
    const farBefore = await farEndHeard(id);
    const result = await graphql(t.baseUrl, t.accessKey, TalkCallDocument, { id, input });
    expect(result.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(result.errors?.[0]?.message).toContain(field);
    expect(await farEndHeard(id)).toEqual(farBefore);
  });
});
