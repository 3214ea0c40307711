import { endpointOfHost, fillEndpoint, parseEndpointTemplate, parseRouteTarget, planRoute, type RouteCandidate } from './routing';

const CUSTOMER = 'c1';
const route = (over: Partial<RouteCandidate>): RouteCandidate => ({ customerId: CUSTOMER, target: 'all', priority: 1, providerId: 'p', providerName: 'p', endpoint: 'PJSIP/{target}@p', techHeaders: {}, codecs: '', ...over });
const ids = (plan: ReturnType<typeof planRoute>) => plan.map((planned) => planned.providerId);

describe('choosing the providers of an outgoing tel call', () => {
  it('orders the routes of the chosen target by priority, then as listed', () => {
    const routes = [route({ target: '1', priority: 2, providerId: 'b' }), route({ target: '1', priority: 1, providerId: 'a' }), route({ target: '1', priority: 2, providerId: 'c' })];
    expect(ids(planRoute(routes, CUSTOMER, '+15551234567'))).toEqual(['a', 'b', 'c']);
  });

  it('takes the longest matching target, "all" last', () => {
    const routes = [route({ target: 'all', providerId: 'any' }), route({ target: '1', providerId: 'nanp' }), route({ target: '1555', providerId: 'sandbox' })];
    expect(ids(planRoute(routes, CUSTOMER, '+15551234567'))).toEqual(['sandbox']);
    expect(ids(planRoute(routes, CUSTOMER, '+14155550100'))).toEqual(['nanp']);
    expect(ids(planRoute(routes, CUSTOMER, '+442079460000'))).toEqual(['any']);
  });

  it("uses the default routes only when none of the customer's own matches", () => {
    const routes = [route({ customerId: null, target: '1', providerId: 'default-1' }), route({ customerId: null, target: '44', providerId: 'default-44' }), route({ target: '1', providerId: 'own' })];
    expect(ids(planRoute(routes, CUSTOMER, '+15551234567'))).toEqual(['own']);
    expect(ids(planRoute(routes, CUSTOMER, '+442079460000'))).toEqual(['default-44']);
    expect(ids(planRoute(routes, 'someone-else', '+15551234567'))).toEqual(['default-1']);
  });

  it("never uses another customer's routes, and plans nothing when nothing matches", () => {
    const routes = [route({ customerId: 'c2', target: 'all', providerId: 'theirs' }), route({ target: '44', providerId: 'uk' })];
    expect(planRoute(routes, CUSTOMER, '+15551234567')).toEqual([]);
  });

  it('lists a provider once even when two routes of the target name it', () => {
    const routes = [route({ target: '1', priority: 1, providerId: 'a' }), route({ target: '1', priority: 2, providerId: 'a' }), route({ target: '1', priority: 3, providerId: 'b' })];
    expect(ids(planRoute(routes, CUSTOMER, '+15551234567'))).toEqual(['a', 'b']);
  });

  it("keeps each provider's own SIP headers and codecs in the plan", () => {
    const routes = [route({ target: '1', priority: 1, providerId: 'a', techHeaders: { 'X-Account': 'a' }, codecs: 'ulaw' }), route({ target: '1', priority: 2, providerId: 'b', techHeaders: { 'X-Account': 'b' } })];
    expect(planRoute(routes, CUSTOMER, '+15551234567').map(({ providerId, techHeaders, codecs }) => ({ providerId, techHeaders, codecs }))).toEqual([
      { providerId: 'a', techHeaders: { 'X-Account': 'a' }, codecs: 'ulaw' },
      { providerId: 'b', techHeaders: { 'X-Account': 'b' }, codecs: '' },
    ]);
  });
});

describe('route and provider fields', () => {
  it.each([
    ['all', 'all'],
    ['1', '1'],
    ['+44', '44'],
    ['1555000', '1555000'],
  ])('target %s is stored as %s', (given, stored) => {
    expect(parseRouteTarget(given)).toBe(stored);
  });

  it.each(['', 'ALL', '+', '1-555', '12345678901234567', 7, null])('refuses the target %p naming the field', (given) => {
    expect(() => parseRouteTarget(given)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'target' }));
  });

  it('takes endpoint templates with a technology and {target}', () => {
    expect(parseEndpointTemplate('PJSIP/{target}@carrier-a')).toBe('PJSIP/{target}@carrier-a');
    expect(parseEndpointTemplate('Local/{target}@provider-down')).toBe('Local/{target}@provider-down');
    for (const bad of ['PJSIP/+15551234567@carrier', '{target}', 'PJSIP/ {target}', 42]) {
      expect(() => parseEndpointTemplate(bad)).toThrow(expect.objectContaining({ field: 'endpoint' }));
    }
  });

  it("makes VoIPBIN's hostname and tech prefix/postfix into an endpoint, and fills it", () => {
    const template = endpointOfHost('carrier-a', '99', '#');
    expect(template).toBe('PJSIP/99{target}#@carrier-a');
    expect(fillEndpoint(template, '+15551234567')).toBe('PJSIP/99+15551234567#@carrier-a');
  });
});
