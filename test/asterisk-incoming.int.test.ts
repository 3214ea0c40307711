import { randomUUID } from 'node:crypto';
import { createCalls, waitForCall, waitForHangup } from './support/flows';
import { rest } from './support/rest';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';
import { ASTERISK_ARI_URL, asteriskAri, asteriskEnv, asteriskVariable } from './support/asterisk';

/**
 * Incoming calls, caller id and DTMF on a real Asterisk, run only when ASTERISK_ARI_URL points at
 * one with the project's dialplan (docker/asterisk/extensions.conf). The caller is a Local channel
 * this suite originates into [from-internal], outside the product; the product's channels are
 * Local channels into [sandbox], whose `;2` half is the far end: its CALLERID(…) is the caller id
 * it was offered, and +15550007xxx keeps the digits it heard in HEARD.
 */
const suite = ASTERISK_ARI_URL ? describe : describe.skip;

suite('incoming calls, caller id and DTMF against a real Asterisk', () => {
  let t: TestApp;
  let app: string;
  beforeAll(async () => {
    const env = asteriskEnv('opencall-incoming-test');
    app = env.ARI_APP!;
    t = await startTestApp(env);
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** A number of the test customer whose flow runs `actions`. */
  async function numberWithFlow(actions: unknown[]): Promise<string> {
    const number = `+1555888${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
    const flow = await rest(t, 'POST', '/flows', { name: `incoming ${number}`, actions });
    expect((await rest(t, 'POST', '/numbers', { number, call_flow_id: flow.body.id })).status).toBe(200);
    return number;
  }

  /**
   * A caller dials `number`: a Local channel into [from-internal], whose `;2` half enters the
   * product's application (the inherited OPENCALL_APP names it). Answers the caller's channel id.
   */
  async function dialIn(number: string): Promise<string> {
    const callerId = `caller-${randomUUID()}`;
    const answer = await asteriskAri('POST', '/channels', { endpoint: `Local/${number}@from-internal`, context: 'sandbox-answer', extension: 's', priority: '1', channelId: callerId, callerId: '"Caller" <+15551230001>' }, { variables: { __OPENCALL_APP: app } });
    expect(answer.status).toBe(200);
    return callerId;
  }

  const incomingCallOf = async (number: string) => {
    const list = await rest(t, 'GET', '/calls');
    return (list.body.result as { id: string; direction: string; destination: { target: string } }[]).find((call) => call.direction === 'incoming' && call.destination.target === number) ?? null;
  };

  it('an incoming call the flow hangs up ends hangup, local/normal', async () => {
    const number = await numberWithFlow([{ type: 'answer' }, { type: 'sleep', option: { duration: 500 } }, { type: 'hangup' }]);
    await dialIn(number);
    const call = await waitFor(() => incomingCallOf(number), (found) => found !== null, 'the incoming call', 30_000);
    expect(await waitForHangup(t, call!.id, 30_000)).toMatchObject({ hangup_by: 'local', hangup_reason: 'normal' });
  });

  it('an incoming call whose caller hangs up ends hangup, remote/normal', async () => {
    const number = await numberWithFlow([{ type: 'answer' }, { type: 'sleep', option: { duration: 60_000 } }]);
    const caller = await dialIn(number);
    const call = await waitFor(() => incomingCallOf(number), (found) => found !== null, 'the incoming call', 30_000);
    await waitForCall(t, call!.id, (c) => c.status === 'progressing', 'the answer', 30_000);
    expect((await asteriskAri('DELETE', `/channels/${caller}`)).status).toBe(204);
    expect(await waitForHangup(t, call!.id, 30_000)).toMatchObject({ hangup_by: 'remote', hangup_reason: 'normal' });
  });

  it('presents the source number and name to the far end', async () => {
    const [call] = await createCalls(t, {
      source: { type: 'tel', target: '+15551234567', name: 'Front desk' },
      destinations: [{ type: 'tel', target: '+15559876543' }],
      actions: [{ type: 'sleep', option: { duration: 60_000 } }],
    });
    await waitForCall(t, call!.id, (c) => c.status === 'progressing', 'the answer', 30_000);
    expect(await asteriskVariable(`${call!.id};2`, 'CALLERID(num)')).toBe('+15551234567');
    expect(await asteriskVariable(`${call!.id};2`, 'CALLERID(name)')).toBe('Front desk');
    await rest(t, 'POST', `/calls/${call!.id}/hangup`);
    await waitForHangup(t, call!.id, 30_000);
  });

  it('two digits_send actions in a row: the far end hears both strings, in order', async () => {
    const [call] = await createCalls(t, {
      source: { type: 'tel', target: '+15551234567' },
      destinations: [{ type: 'tel', target: '+15550007001' }],
      actions: [
        { type: 'digits_send', option: { digits: '1234567890', duration: 100, interval: 100 } },
        { type: 'digits_send', option: { digits: '*#', duration: 100, interval: 100 } },
        { type: 'sleep', option: { duration: 60_000 } },
      ],
    });
    const heard = await waitFor(() => asteriskVariable(`${call!.id};2`, 'HEARD'), (value) => value === '1234567890*#', 'the far end to hear every digit', 30_000);
    expect(heard).toBe('1234567890*#');
    await rest(t, 'POST', `/calls/${call!.id}/hangup`);
    await waitForHangup(t, call!.id, 30_000);
  });
});
