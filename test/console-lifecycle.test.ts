import { formatDuration, lifecycleOf } from '../web/console/lifecycle';

describe('the lifecycle the console draws', () => {
  it('gives each reached stage the time since the previous reached one', () => {
    const stages = lifecycleOf({ createdAt: '2026-12-03T07:00:00.000Z', ringingAt: '2026-12-03T07:00:00.300Z', progressingAt: '2026-12-03T07:00:01.800Z', hangupAt: '2026-12-03T07:01:10.000Z' });
    expect(stages.map((stage) => [stage.name, stage.afterMs])).toEqual([['dialing', null], ['ringing', 300], ['progressing', 1500], ['hangup', 68200]]);
  });

  it('skips a stage the call never reached and measures across it', () => {
    const stages = lifecycleOf({ createdAt: '2026-12-03T07:00:00.000Z', ringingAt: null, progressingAt: null, hangupAt: '2026-12-03T07:00:00.050Z' });
    expect(stages.map((stage) => [stage.name, stage.at !== null, stage.afterMs])).toEqual([['dialing', true, null], ['ringing', false, null], ['progressing', false, null], ['hangup', true, 50]]);
  });

  it('writes durations for a person', () => {
    expect([formatDuration(85), formatDuration(1234), formatDuration(125_000)]).toEqual(['85 ms', '1.2 s', '2 min 5 s']);
  });
});
