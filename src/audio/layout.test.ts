import { layOut } from './layout';

describe('layOut', () => {
  const inbound = Int16Array.from([100, 200, 300]);
  const outbound = Int16Array.from([1, 2]);

  it('stereo: in on the left, out on the right, the shorter padded with silence', () => {
    const audio = layOut({ in: inbound, out: outbound }, 'stereo', 8000);
    expect(audio.channels.map((channel) => [...channel])).toEqual([[100, 200, 300], [1, 2, 0]]);
  });

  it('stereo with one direction recorded: the other channel is silent', () => {
    expect(layOut({ in: null, out: outbound }, 'stereo', 8000).channels.map((channel) => [...channel])).toEqual([[0, 0], [1, 2]]);
  });

  it('mixed: one channel, the sum, clipped to 16 bits', () => {
    expect([...layOut({ in: inbound, out: outbound }, 'mixed', 8000).channels[0]!]).toEqual([101, 202, 300]);
    expect([...layOut({ in: Int16Array.from([30000, -30000]), out: Int16Array.from([30000, -30000]) }, 'mixed', 8000).channels[0]!]).toEqual([32767, -32768]);
  });
});
