import { CreateCallsDocument, GetCallDocument } from './generated/graphql';
import { graphql } from './support/graphql-client';
import { Queue } from 'bullmq';
import { simChannel, simPost } from './support/sim';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * Master and chained calls: chained calls are added only while the master is dialing, ringing or
 * progressing; when the master ends, in whatever state it was, every chained call ends
 * (local/normal); a chained call's own end leaves the master up.
 */
let t: TestApp;
/** Far ends that never ring: its calls stay dialing until hung up. */
let slow: TestApp;
beforeAll(async () => {
  [t, slow] = await Promise.all([startTestApp(), startTestApp({ SIM_RING_MS: '600000', SIM_ANSWER_MS: '600000' })]);
});
afterAll(async () => {
  await Promise.all([t?.stop(), slow?.stop()]);
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function rest(app: TestApp, method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${app.baseUrl}/v1.0${path}`, {
    method,
    headers: { authorization: `Bearer ${app.accessKey}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

const create = (app: TestApp, targets: string[], masterCallId?: string) =>
  rest(app, 'POST', '/calls', {
    source: { type: 'tel', target: '+15551234567' },
    destinations: targets.map((target) => ({ type: 'tel', target })),
    ...(masterCallId ? { master_call_id: masterCallId } : {}),
  });

async function createOk(app: TestApp, targets: string[], masterCallId?: string): Promise<string[]> {
  const answer = await create(app, targets, masterCallId);
  expect(answer.status).toBe(200);
  return (answer.body.calls as Json[]).map((call) => call.id as string);
}

const getCall = async (app: TestApp, id: string) => (await rest(app, 'GET', `/calls/${id}`)).body;
const waitForStatus = (app: TestApp, id: string, status: string) =>
  waitFor(() => getCall(app, id), (call) => call.status === status, `call ${id} ${status}`);
const expectEndedByMaster = async (app: TestApp, ids: string[]) => {
  for (const id of ids) expect(await waitForStatus(app, id, 'hangup')).toMatchObject({ hangup_by: 'local', hangup_reason: 'normal' });
};

const RINGS_FOREVER = '+15550002';
const ANSWERS = '+15559871';

describe('chaining', () => {
  it('keeps master_call_id and chained_call_ids consistent on both surfaces', async () => {
    const [master] = await createOk(t, [`${RINGS_FOREVER}001`]);
    const legs = await createOk(t, [`${RINGS_FOREVER}002`, `${RINGS_FOREVER}003`], master);
    expect((await getCall(t, master!)).chained_call_ids).toEqual(legs);
    for (const leg of legs) expect((await getCall(t, leg)).master_call_id).toBe(master);
    const viaGraphql = await graphql(t.baseUrl, t.accessKey, GetCallDocument, { id: legs[0]! });
    expect(viaGraphql.data?.call?.masterCall?.id).toBe(master);
    const masterViaGraphql = await graphql(t.baseUrl, t.accessKey, GetCallDocument, { id: master! });
    expect(masterViaGraphql.data?.call?.chainedCalls.map((call) => call.id)).toEqual(legs);
    await rest(t, 'POST', `/calls/${master}/hangup`);
    await expectEndedByMaster(t, legs);
  });

  it('a master hung up while dialing ends its legs, themselves still dialing', async () => {
    const [master] = await createOk(slow, ['+15559872001']);
    const legs = await createOk(slow, ['+15559872002', '+15559872003'], master);
    expect((await getCall(slow, master!)).status).toBe('dialing');
    for (const leg of legs) expect((await getCall(slow, leg)).status).toBe('dialing');
    expect((await rest(slow, 'POST', `/calls/${master}/hangup`)).body.status).toBe('canceling');
    await waitForStatus(slow, master!, 'hangup');
    await expectEndedByMaster(slow, legs);
  });

  it('a master that ends before any originate ran leaves no leg alive, here or at the far end', async () => {
    // Paused, the workers take no job: the calls stay dialing with their originate pending.
    const queue = new Queue('telephony', { connection: { url: t.config.redisUrl }, prefix: t.config.redisPrefix });
    await queue.pause();
    let master = '';
    let legs: string[] = [];
    try {
      [master] = (await createOk(t, [`${ANSWERS}005`])) as [string];
      legs = await createOk(t, [`${ANSWERS}006`, `${RINGS_FOREVER}006`], master);
      expect(await simChannel(t.simUrl, legs[0]!)).toBeNull(); // not originated yet
      expect((await rest(t, 'POST', `/calls/${master}/hangup`)).body.status).toBe('canceling');
    } finally {
      await queue.resume();
    }
    await waitForStatus(t, master, 'hangup');
    await expectEndedByMaster(t, legs);
    for (const leg of legs) {
      await waitFor(() => simChannel(t.simUrl, leg), (channel) => channel === null || channel.state === 'Destroyed', `leg ${leg} to have no live channel`);
    }
    await queue.close();
  });

  it('ends the legs of an ended master at reconcile when the cascade was lost', async () => {
    const [master] = await createOk(t, [`${ANSWERS}008`]);
    const [leg] = await createOk(t, [`${ANSWERS}009`], master);
    await waitForStatus(t, master!, 'progressing');
    await waitForStatus(t, leg!, 'progressing');
    const queue = new Queue('reactions', { connection: { url: t.config.redisUrl }, prefix: t.config.redisPrefix });
    await queue.pause();
    try {
      await simPost(t.simUrl, `/sim/channels/${master}/hangup`, { cause: 16 });
      await waitForStatus(t, master!, 'hangup');
      // The cascade's reaction is lost (as if someone deleted it from Redis).
      const cascade = `reaction_chain-cascade_${master}_`;
      const [job] = await waitFor(async () => (await queue.getJobs(['paused', 'waiting'])).filter((j) => j.id?.startsWith(cascade)), (jobs) => jobs.length > 0, 'the cascade reaction');
      await job!.remove();
    } finally {
      await queue.resume();
      await queue.close();
    }
    expect((await getCall(t, leg!)).status).toBe('progressing');
    await simPost(t.simUrl, '/sim/ws/drop'); // the event stream reconnects, and the product reconciles
    await expectEndedByMaster(t, [leg!]);
  });

  it('a master hung up while ringing (canceling) ends its ringing and answered legs', async () => {
    const [master] = await createOk(t, [`${RINGS_FOREVER}010`]);
    await waitForStatus(t, master!, 'ringing');
    const [ringing, answered] = await createOk(t, [`${RINGS_FOREVER}011`, `${ANSWERS}011`], master);
    await waitForStatus(t, ringing!, 'ringing');
    await waitForStatus(t, answered!, 'progressing');
    expect((await rest(t, 'POST', `/calls/${master}/hangup`)).body.status).toBe('canceling');
    await expectEndedByMaster(t, [ringing!, answered!]);
    expect(await getCall(t, master!)).toMatchObject({ status: 'hangup', hangup_by: 'local', hangup_reason: 'cancel' });
  });

  it('a progressing master hung up through the API (terminating) ends its legs', async () => {
    const [master] = await createOk(t, [`${ANSWERS}020`]);
    await waitForStatus(t, master!, 'progressing');
    const legs = await createOk(t, [`${ANSWERS}021`, `${RINGS_FOREVER}021`], master);
    await waitForStatus(t, legs[0]!, 'progressing');
    expect((await rest(t, 'POST', `/calls/${master}/hangup`)).body.status).toBe('terminating');
    await expectEndedByMaster(t, legs);
  });

  it('a progressing master whose far end hangs up ends its legs', async () => {
    const [master] = await createOk(t, [`${ANSWERS}030`]);
    await waitForStatus(t, master!, 'progressing');
    const legs = await createOk(t, [`${ANSWERS}031`], master);
    await waitForStatus(t, legs[0]!, 'progressing');
    await simPost(t.simUrl, `/sim/channels/${master}/hangup`, { cause: 16 });
    expect(await waitForStatus(t, master!, 'hangup')).toMatchObject({ hangup_by: 'remote' });
    await expectEndedByMaster(t, legs);
  });

  it('a chained call that hangs up leaves its master up', async () => {
    const [master] = await createOk(t, [`${ANSWERS}040`]);
    await waitForStatus(t, master!, 'progressing');
    const [leg, sibling] = await createOk(t, [`${ANSWERS}041`, `${ANSWERS}042`], master);
    await waitForStatus(t, leg!, 'progressing');
    await rest(t, 'POST', `/calls/${leg}/hangup`);
    await waitForStatus(t, leg!, 'hangup');
    await simPost(t.simUrl, `/sim/channels/${sibling}/hangup`, { cause: 16 });
    await waitForStatus(t, sibling!, 'hangup');
    expect((await getCall(t, master!)).status).toBe('progressing');
    await rest(t, 'POST', `/calls/${master}/hangup`);
  });

  it('refuses a chained call on a hung-up master: 409 MASTER_CALL_NOT_DIALING on both surfaces, nothing created', async () => {
    const [master] = await createOk(t, ['+15550001050']); // busy: ends at once
    await waitForStatus(t, master!, 'hangup');
    const countBefore = (await rest(t, 'GET', '/calls')).body.result.length as number;

    const viaRest = await create(t, [`${ANSWERS}051`], master);
    expect(viaRest.status).toBe(409);
    expect(viaRest.body.error).toMatchObject({ status: 'FAILED_PRECONDITION', reason: 'MASTER_CALL_NOT_DIALING' });
    expect(viaRest.body.error.message).toContain('hangup');

    const viaGraphql = await graphql(t.baseUrl, t.accessKey, CreateCallsDocument, {
      input: { source: { type: 'TEL', target: '+15551234567' }, destinations: [{ type: 'TEL', target: `${ANSWERS}052` }], masterCallId: master },
    });
    expect(viaGraphql.errors?.[0]?.extensions?.code).toBe('MASTER_CALL_NOT_DIALING');
    expect((await rest(t, 'GET', '/calls')).body.result.length).toBe(countBefore);
    expect((await getCall(t, master!)).chained_call_ids).toEqual([]);
  });

  it('refuses a chained call on a master that is terminating', async () => {
    const [master] = await createOk(t, [`${ANSWERS}055`]);
    await waitForStatus(t, master!, 'progressing');
    // Paused, the workers do not carry the hangup out: the master stays terminating.
    const queue = new Queue('telephony', { connection: { url: t.config.redisUrl }, prefix: t.config.redisPrefix });
    await queue.pause();
    try {
      expect((await rest(t, 'POST', `/calls/${master}/hangup`)).body.status).toBe('terminating');
      const viaRest = await create(t, [`${ANSWERS}056`], master);
      expect(viaRest.status).toBe(409);
      expect(viaRest.body.error.message).toContain('terminating');
      const viaGraphql = await graphql(t.baseUrl, t.accessKey, CreateCallsDocument, {
        input: { source: { type: 'TEL', target: '+15551234567' }, destinations: [{ type: 'TEL', target: `${ANSWERS}057` }], masterCallId: master },
      });
      expect(viaGraphql.errors?.[0]?.extensions?.code).toBe('MASTER_CALL_NOT_DIALING');
      expect((await getCall(t, master!)).chained_call_ids).toEqual([]);
    } finally {
      await queue.resume();
      await queue.close();
    }
    await waitForStatus(t, master!, 'hangup');
  });

  it('a master of another customer is not found', async () => {
    const other = await t.newCustomer('chain-other');
    const [master] = await createOk(t, [`${RINGS_FOREVER}060`]);
    const response = await fetch(`${t.baseUrl}/v1.0/calls`, {
      method: 'POST',
      headers: { authorization: `Bearer ${other.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ source: { type: 'tel', target: '+15551234567' }, destinations: [{ type: 'tel', target: `${ANSWERS}061` }], master_call_id: master }),
    });
    expect(response.status).toBe(404);
    await rest(t, 'POST', `/calls/${master}/hangup`);
  });

  it('leaves no chained call alive when legs are added while the master ends', async () => {
    for (let round = 0; round < 3; round++) {
      const [master] = await createOk(t, [`${RINGS_FOREVER}07${round}`]);
      await waitForStatus(t, master!, 'ringing');
      const attempts = Array.from({ length: 8 }, (_, index) => create(t, [`${ANSWERS}07${index}`], master));
      const [, ...answers] = await Promise.all([rest(t, 'POST', `/calls/${master}/hangup`), ...attempts]);
      const created: string[] = [];
      for (const answer of answers) {
        if (answer.status === 200) created.push(...(answer.body.calls as Json[]).map((call) => call.id as string));
        else expect(answer.status).toBe(409);
      }
      await waitForStatus(t, master!, 'hangup');
      expect([...(await getCall(t, master!)).chained_call_ids].sort()).toEqual([...created].sort());
      await expectEndedByMaster(t, created);
    }
  });
});
