import { graphqlFieldPath } from './field-path';

it.each([
  ['tech_headers["X-A"]', 'techHeaders["X-A"]'],
  ['tech_headers["x_y.z"]', 'techHeaders["x_y.z"]'],
  ['provider_id', 'providerId'],
  ['destinations[1].target_name', 'destinations[1].targetName'],
  ['destinations[0].groupcall.ring_method', 'destinations[0].groupcall.ringMethod'],
  ['fallback.flow_id', 'fallback.flowId'],
  ['actions[0].option.stream_urls', 'actions[0].option.stream_urls'],
  ['context.some_key', 'context.some_key'],
  ['name', 'name'],
  ['input.actions.option.x', 'input.actions.option.x'],
  ['end_of_silence', 'endOfSilence'],
  ['odd path!', 'odd path!'],
])('%s is %s in GraphQL', (rest, graphql) => {
  expect(graphqlFieldPath(rest)).toBe(graphql);
});
