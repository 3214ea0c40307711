import { BUSY, getGroupcall, historyTypes, RINGS, SOURCE, waitForGroupcall } from './support/groupcalls';
import { reactionKillKit } from './support/reaction-kill';
import { rest, type Json } from './support/rest';

/**
 * A nested groupcall's end moves its master on through a durable reaction (groupcall-end): the
 * worker dies after the nested groupcall's groupcall_hangup committed and before its master
 * dialled its next destination (a test hook holds the reaction there); another worker does it.
 */
const { app, holdReaction } = reactionKillKit();

it('dials the next destination once after the worker died between the nested end and its master moving on', async () => {
  const t = app();
  const groupcallEnd = holdReaction('groupcall-end');
  const body: Json = {
    source: SOURCE,
    destinations: [{ type: 'groupcall', groupcall: { destinations: [BUSY(171), BUSY(172)] } }, RINGS(173)],
    actions: [{ type: 'hangup' }],
    ring_method: 'linear',
    answer_method: 'hangup_others',
  };
  const created = await rest(t, 'POST', '/groupcalls', body);
  expect(created.status).toBe(200);
  const top = created.body;
  const nestedId = top.groupcall_ids[0] as string;
  await groupcallEnd.held(nestedId);
  // The nested groupcall ended; its master has not moved on.
  expect((await getGroupcall(t, nestedId)).status).toBe('hangup');
  expect(await getGroupcall(t, top.id)).toMatchObject({ dial_index: 0, call_ids: [] });
  await groupcallEnd.crash();

  const moved = await waitForGroupcall(t, top.id, (g) => g.call_ids.length === 1, 'the next destination dialled');
  expect(moved.dial_index).toBe(1);
  await rest(t, 'POST', `/groupcalls/${top.id}/hangup`);
  await waitForGroupcall(t, top.id, (g) => g.status === 'hangup', 'ended');
  const types = await historyTypes(t, `/groupcalls/${top.id}`);
  expect(types.filter((type) => type === 'groupcall_hangup')).toHaveLength(1);
  expect(types.filter((type) => type === 'groupcall_updated').length).toBeGreaterThanOrEqual(1);
});
