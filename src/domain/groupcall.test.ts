import { afterLegEnded, parseAnswerMethod, parseRingMethod } from './groupcall';
import { initialDestinations } from './groupcall-destinations';

const tel = (target: string) => ({ type: 'tel' as const, target, targetName: '', name: '', detail: '' });
const three = [tel('+1'), tel('+2'), tel('+3')];

describe('groupcall rules', () => {
  it('defaults to ring_all and hangup_others, and refuses other methods naming the field', () => {
    expect(parseRingMethod(undefined)).toBe('ring_all');
    expect(parseRingMethod('linear')).toBe('linear');
    expect(parseAnswerMethod(undefined)).toBe('hangup_others');
    expect(parseAnswerMethod('')).toBe('');
    expect(() => parseRingMethod('round_robin')).toThrow(/ring_method/);
    expect(() => parseAnswerMethod('keep')).toThrow(/answer_method/);
  });

  it('dials every destination at once for ring_all and one for linear', () => {
    expect(initialDestinations('ring_all', three)).toEqual(three);
    expect(initialDestinations('linear', three)).toEqual([three[0]]);
  });

  it.each([
    ['linear', 'progressing', null, 0, 0, 'dial-next'],
    ['linear', 'progressing', null, 2, 2, 'end-when-idle'], // the last destination
    ['linear', 'progressing', 'leg', 0, 0, 'end-when-idle'], // answered: stop dialling
    ['linear', 'hangingup', null, 0, 0, 'end-when-idle'], // hung up by the client
    ['linear', 'progressing', null, 1, 0, 'dial-next'], // a retry after the move on from it: that dial may not have been sent
    ['linear', 'progressing', null, 2, 0, 'end-when-idle'], // an older leg's late end
    ['ring_all', 'progressing', null, 0, 0, 'end-when-idle'],
  ] as const)('%s %s answered=%s index=%i ended=%i → %s', (ringMethod, status, answerCallId, dialIndex, ended, expected) => {
    expect(afterLegEnded({ ringMethod, status, answerCallId, dialIndex, destinations: three }, ended)).toBe(expected);
  });
});
