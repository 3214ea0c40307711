import { CallReactionDocument } from './generated/graphql';
import { createCalls, farEnd, heard, waitForHangup } from './support/flows';
import { graphql } from './support/graphql-client';
import { rest } from './support/rest';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Reactions are retried with backoff and have their effect once; one that never succeeds leaves
 * its error on the call and ends the call instead of leaving it up with nothing driving it.
 */
let flaky: TestApp;
let broken: TestApp;
beforeAll(async () => {
  [flaky, broken] = await Promise.all([
    startTestApp({ TEST_HOOK_FAIL_REACTION: 'flow-start:2', REACTION_BACKOFF_MS: '20' }),
    startTestApp({ TEST_HOOK_FAIL_REACTION: 'flow-start:always', REACTION_BACKOFF_MS: '20', REACTION_ATTEMPTS: '3' }),
  ]);
});
afterAll(async () => {
  await flaky?.stop();
  await broken?.stop();
});

const call = (t: TestApp, target: string) =>
  createCalls(t, {
    source: { type: 'tel', target: '+15551234567' },
    destinations: [{ type: 'tel', target }],
    actions: [{ type: 'talk', option: { text: 'hello' } }, { type: 'hangup' }],
  });

it('runs a reaction that failed twice once, when its third attempt succeeds', async () => {
  const [made] = await call(flaky, '+15557772001');
  const ended = await waitForHangup(flaky, made!.id as string);
  expect(ended).toMatchObject({ hangup_by: 'local', hangup_reason: 'normal' });
  expect(heard(await farEnd(flaky, made!.id as string))).toEqual(['hello']);
  const flows = (await rest(flaky, 'GET', '/activeflows')).body.result as { reference_id: string }[];
  expect(flows.filter((flow) => flow.reference_id === made!.id)).toHaveLength(1);
  const history = (await rest(flaky, 'GET', `/calls/${made!.id}/events`)).body.result as { type: string }[];
  expect(history.filter((event) => event.type === 'call_answered')).toHaveLength(1);
  const answer = await graphql(flaky.baseUrl, flaky.accessKey, CallReactionDocument, { id: made!.id as string });
  expect(answer.data!.call!.reactionError).toBeNull();
});

it('records a reaction that always fails on the call and ends the call, local, reason failed', async () => {
  const [made] = await call(broken, '+15557772002');
  const ended = await waitForHangup(broken, made!.id as string);
  expect(ended).toMatchObject({ hangup_by: 'local', hangup_reason: 'failed' });
  const answer = await graphql(broken.baseUrl, broken.accessKey, CallReactionDocument, { id: made!.id as string });
  expect(answer.data!.call).toMatchObject({ status: 'HANGUP', hangupBy: 'LOCAL', hangupReason: 'FAILED' });
  expect(answer.data!.call!.reactionError).toMatch(/^flow-start failed after 3 attempts: test hook/);
  // Nothing ran: no flow, nothing played; and the error was an event of the call.
  expect((await rest(broken, 'GET', '/activeflows')).body.result).toEqual([]);
  expect(heard(await farEnd(broken, made!.id as string))).toEqual([]);
  const history = (await rest(broken, 'GET', `/calls/${made!.id}/events`)).body.result as { type: string; data: { status: string } }[];
  expect(history.map((event) => event.type)).toEqual(['call_created', 'call_ringing', 'call_answered', 'call_updated', 'call_updated', 'call_hungup']);
});
