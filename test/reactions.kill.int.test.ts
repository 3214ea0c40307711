import { createCalls, heard, waitForHangup } from './support/flows';
import { reactionKillKit } from './support/reaction-kill';
import { rest } from './support/rest';
import { simChannel } from './support/sim';

/**
 * A reaction survives a crash: the worker process is killed after the call's answer committed and
 * before its flow started (a test hook holds the flow-start reaction in that window), and after a
 * restart the flow runs, exactly once.
 */
const { app, sim, holdReaction } = reactionKillKit();

it('starts the flow exactly once after the worker died between the answer and the flow start', async () => {
  const t = app();
  const flowStart = holdReaction('flow-start');
  const [call] = await createCalls(t, {
    source: { type: 'tel', target: '+15551234567' },
    destinations: [{ type: 'tel', target: '+15557771001' }],
    // A play, not a talk: with ARI_URL set the worker would synthesize speech with espeak-ng.
    actions: [{ type: 'play', option: { stream_urls: ['https://media.example.com/once.wav'] } }, { type: 'hangup' }],
  });
  const callId = call!.id as string;
  await flowStart.held(callId);
  // The answer is committed; the flow has not started.
  expect((await rest(t, 'GET', `/calls/${callId}`)).body.status).toBe('progressing');
  expect((await rest(t, 'GET', '/activeflows')).body.result).toEqual([]);
  await flowStart.crash();

  const ended = await waitForHangup(t, callId, 30_000);
  expect(ended).toMatchObject({ hangup_by: 'local', hangup_reason: 'normal' });
  expect(heard(await simChannel(sim().url, callId))).toEqual(['sound:https://media.example.com/once.wav']);
  const flows = (await rest(t, 'GET', '/activeflows')).body.result as { reference_id: string }[];
  expect(flows.filter((flow) => flow.reference_id === callId)).toHaveLength(1);
});
