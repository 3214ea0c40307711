import { Queue } from 'bullmq';
import { Client } from 'pg';
import { simChannel, simPost } from './support/sim';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * Media controls through REST: each changes the Call (hold, mute_direction, a call_updated event)
 * and what the far end experiences (the simulator's channel record); anything but a progressing
 * call answers 409 and changes nothing; bad input answers 400 naming the field.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function rest(method: string, path: string, body?: unknown, token = t.accessKey): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${t.baseUrl}/v1.0${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Json) : {} };
}

async function callTo(target: string): Promise<string> {
  const created = await rest('POST', '/calls', { source: { type: 'tel', target: '+15551234567' }, destinations: [{ type: 'tel', target }] });
  expect(created.status).toBe(200);
  return created.body.calls[0].id as string;
}

const getCall = async (id: string) => (await rest('GET', `/calls/${id}`)).body;
const waitForStatus = (id: string, status: string) => waitFor(() => getCall(id), (call) => call.status === status, `call ${id} ${status}`);
const farEnd = async (id: string) => (await simChannel(t.simUrl, id))!;
const eventTypes = async (id: string) => ((await rest('GET', `/calls/${id}/events`)).body.result as Json[]).map((event) => event.type as string);

async function answeredCall(): Promise<string> {
  const id = await callTo('+15559870001');
  await waitForStatus(id, 'progressing');
  return id;
}

describe('media controls on a progressing call', () => {
  let id: string;
  beforeAll(async () => {
    id = await answeredCall();
  });

  it('shows an unheld, unmuted call to begin with', async () => {
    expect(await getCall(id)).toMatchObject({ hold: false, mute_direction: '' });
    expect(await farEnd(id)).toMatchObject({ hold: false, mute: 'none', silence: false, moh: { active: false }, dtmf_received: [] });
  });

  it('hold and unhold change the call, the far end, and emit call_updated', async () => {
    const before = (await eventTypes(id)).filter((type) => type === 'call_updated').length;
    const held = await rest('POST', `/calls/${id}/hold`);
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({ id, status: 'progressing', hold: true });
    expect(await farEnd(id)).toMatchObject({ hold: true });
    expect((await eventTypes(id)).filter((type) => type === 'call_updated').length).toBe(before + 1);

    const unheld = await rest('DELETE', `/calls/${id}/hold`);
    expect(unheld.body).toMatchObject({ hold: false });
    expect(await farEnd(id)).toMatchObject({ hold: false });
    expect((await eventTypes(id)).filter((type) => type === 'call_updated').length).toBe(before + 2);
  });

  it('mute adds directions and unmute takes them away, on the call and at the far end', async () => {
    expect((await rest('POST', `/calls/${id}/mute`, { direction: 'in' })).body).toMatchObject({ mute_direction: 'in' });
    expect(await farEnd(id)).toMatchObject({ mute: 'in' });
    expect((await rest('POST', `/calls/${id}/mute`, { direction: 'out' })).body).toMatchObject({ mute_direction: 'both' });
    expect(await farEnd(id)).toMatchObject({ mute: 'both' });
    expect((await rest('DELETE', `/calls/${id}/mute`, { direction: 'in' })).body).toMatchObject({ mute_direction: 'out' });
    expect(await farEnd(id)).toMatchObject({ mute: 'out' });
    expect((await rest('DELETE', `/calls/${id}/mute?direction=both`)).body).toMatchObject({ mute_direction: '' });
    expect(await farEnd(id)).toMatchObject({ mute: 'none' });
  });

  it('music on hold: the far end hears music, then no longer', async () => {
    const before = await getCall(id);
    expect((await rest('POST', `/calls/${id}/moh`)).status).toBe(200);
    expect(await farEnd(id)).toMatchObject({ moh: { active: true, class: 'default' } });
    expect((await getCall(id)).tm_update).not.toBe(before.tm_update);
    expect((await rest('DELETE', `/calls/${id}/moh`)).status).toBe(200);
    expect(await farEnd(id)).toMatchObject({ moh: { active: false } });
  });

  it('silence: the far end hears nothing, then hears the call again', async () => {
    expect((await rest('POST', `/calls/${id}/silence`)).status).toBe(200);
    expect(await farEnd(id)).toMatchObject({ silence: true });
    expect((await rest('DELETE', `/calls/${id}/silence`)).status).toBe(200);
    expect(await farEnd(id)).toMatchObject({ silence: false });
  });

  it('dtmf: the far end receives the digits', async () => {
    const sent = await rest('POST', `/calls/${id}/dtmf`, { digits: '12#*a', duration: 100, interval: 50 });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ id, status: 'progressing' });
    expect((await farEnd(id)).dtmf_received).toEqual(['1', '2', '#', '*', 'A']);
  });

  it('dtmf: consecutive sends, even concurrent ones, each answer once played and all reach the far end whole', async () => {
    const digits = async () => (await farEnd(id)).dtmf_received as string[];
    const before = (await digits()).length;
    const [first, second] = await Promise.all([
      rest('POST', `/calls/${id}/dtmf`, { digits: '1234567890', duration: 100, interval: 100 }),
      rest('POST', `/calls/${id}/dtmf`, { digits: '*#', duration: 100, interval: 100 }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    // Nothing was sent while the other string played; the last digits may still be sounding.
    expect((await farEnd(id)).dtmf_dropped).toEqual([]);
    const heard = await waitFor(async () => (await digits()).slice(before).join(''), (all) => all.length === 12, 'every digit');
    expect(['1234567890*#', '*#1234567890']).toContain(heard);
  });

  it('keeps the Call and the far end in agreement under concurrent hold and unhold', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, (_, index) => rest(index % 2 ? 'DELETE' : 'POST', `/calls/${id}/hold`)));
    for (const answer of answers) expect(answer.status).toBe(200);
    expect((await getCall(id)).hold).toBe((await farEnd(id)).hold);
    await rest('DELETE', `/calls/${id}/hold`);
    expect(await farEnd(id)).toMatchObject({ hold: false });
  });

  it.each([
    ['POST', '/mute', {}, 'direction'],
    ['POST', '/mute', { direction: 'sideways' }, 'direction'],
    ['DELETE', '/mute', { direction: 3 }, 'direction'],
    ['POST', '/dtmf', {}, 'digits'],
    ['POST', '/dtmf', { digits: '12x' }, 'digits'],
    ['POST', '/dtmf', { digits: '1'.repeat(101) }, 'digits'],
    ['POST', '/dtmf', { digits: '1', duration: 99 }, 'duration'],
    ['POST', '/dtmf', { digits: '1', duration: '250' }, 'duration'],
    ['POST', '/dtmf', { digits: '1', interval: 5001 }, 'interval'],
  ])('%s %s %j answers 400 naming %s and changes nothing', async (method, path, body, field) => {
    const before = await getCall(id);
    const farBefore = await farEnd(id);
    const answer = await rest(method, `/calls/${id}${path}`, body);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ status: 'INVALID_ARGUMENT' });
    expect(answer.body.error.message).toContain(field);
    expect(await getCall(id)).toEqual(before);
    expect(await farEnd(id)).toEqual(farBefore);
  });

  it('another customer gets 404 and changes nothing', async () => {
    const other = await t.newCustomer('media-other');
    const before = await getCall(id);
    for (const [method, path, body] of [['POST', '/hold'], ['POST', '/mute', { direction: 'both' }], ['POST', '/moh'], ['POST', '/silence'], ['POST', '/dtmf', { digits: '1' }]] as const) {
      const answer = await rest(method, `/calls/${id}${path}`, body, other.token);
      expect(answer.status).toBe(404);
      expect(answer.body.error).toMatchObject({ status: 'NOT_FOUND', reason: 'CALL_NOT_FOUND' });
    }
    expect(await getCall(id)).toEqual(before);
    expect(await farEnd(id)).toMatchObject({ hold: false, mute: 'none', moh: { active: false }, silence: false });
  });
});

describe('media controls on a call that is not progressing', () => {
  const controls: [string, string, unknown?][] = [
    ['POST', '/hold'],
    ['DELETE', '/hold'],
    ['POST', '/mute', { direction: 'both' }],
    ['DELETE', '/mute', { direction: 'both' }],
    ['POST', '/moh'],
    ['DELETE', '/moh'],
    ['POST', '/silence'],
    ['DELETE', '/silence'],
    ['POST', '/dtmf', { digits: '1' }],
  ];

  async function expectConflicts(id: string, status: string) {
    const before = await getCall(id);
    const farBefore = await simChannel(t.simUrl, id);
    for (const [method, path, body] of controls) {
      const answer = await rest(method, `/calls/${id}${path}`, body);
      expect(answer.status).toBe(409);
      expect(answer.body.error).toMatchObject({ status: 'FAILED_PRECONDITION', reason: expect.stringMatching(/^CALL_(NOT_ANSWERED|ENDING|ALREADY_HUNGUP)$/) });
      expect(answer.body.error.message).toContain(status);
    }
    expect(await getCall(id)).toEqual(before);
    expect(await simChannel(t.simUrl, id)).toEqual(farBefore);
  }

  it('a ringing call answers 409 with the reason and changes nothing, here or at the far end', async () => {
    const id = await callTo('+15550002100'); // rings, never answers
    await waitForStatus(id, 'ringing');
    await expectConflicts(id, 'ringing');
    expect(await farEnd(id)).toMatchObject({ hold: false, mute: 'none', moh: { active: false }, silence: false, dtmf_received: [] });
    await rest('POST', `/calls/${id}/hangup`);
  });

  it('a terminating call answers 409 and changes nothing', async () => {
    const id = await answeredCall();
    // Paused, the workers do not carry the hangup out: the call stays terminating.
    const queue = new Queue('telephony', { connection: { url: t.config.redisUrl }, prefix: t.config.redisPrefix });
    await queue.pause();
    try {
      expect((await rest('POST', `/calls/${id}/hangup`)).body.status).toBe('terminating');
      await expectConflicts(id, 'terminating');
    } finally {
      await queue.resume();
      await queue.close();
    }
    await waitForStatus(id, 'hangup');
  });

  it('a hung-up call answers 409 and changes nothing', async () => {
    const id = await answeredCall();
    await simPost(t.simUrl, `/sim/channels/${id}/hangup`, { cause: 16 });
    await waitForStatus(id, 'hangup');
    await expectConflicts(id, 'hangup');
  });
});

describe('a control the media server cannot carry out', () => {
  it('leaves the Call as it was: the state is recorded only after the media server did it', async () => {
    // The far end is busy, so the channel is gone; the row is then made to look progressing,
    // as if its ChannelDestroyed were still on its way.
    const id = await callTo('+15550001300');
    await waitForStatus(id, 'hangup');
    const pg = new Client({ connectionString: t.config.databaseUrl, options: `-c search_path=${t.config.databaseSchema}` });
    await pg.connect();
    try {
      await pg.query(`UPDATE calls SET status = 'progressing' WHERE id = $1`, [id]);
      const before = await getCall(id);
      const events = await eventTypes(id);
      for (const [method, path, body] of [['POST', '/hold'], ['POST', '/mute', { direction: 'in' }], ['POST', '/moh'], ['POST', '/silence'], ['POST', '/dtmf', { digits: '1' }]] as const) {
        const answer = await rest(method, `/calls/${id}${path}`, body);
        expect(answer.status).toBe(409);
        expect(answer.body.error).toMatchObject({ reason: 'CALL_ENDING', message: expect.stringContaining('channel') });
      }
      expect(await getCall(id)).toEqual(before);
      expect(await eventTypes(id)).toEqual(events);
    } finally {
      await pg.end();
    }
  });
});
