import { startApp, type RunningApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/platform/logger';
import { CallEventsDocument, CreateCallsDocument, type CallEventsSubscription } from './generated/graphql';
import { graphql, wsClient } from './support/graphql-client';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';
import { print } from 'graphql';

/** Many subscribers of two customers, spread over two API processes: each hears only its own. */
let t: TestApp;
let secondApi: RunningApp;
let secondUrl: string;
beforeAll(async () => {
  t = await startTestApp();
  const config = loadConfig({ ...process.env, DATABASE_URL: t.config.databaseUrl, DATABASE_SCHEMA: t.config.databaseSchema, REDIS_PREFIX: t.config.redisPrefix, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
  secondApi = await startApp(config, 'api', createLogger('silent'));
  secondUrl = `http://127.0.0.1:${secondApi.port}`;
});
afterAll(async () => {
  await secondApi?.stop();
  await t?.stop();
});

it('delivers every customer its own calls’ events, and nothing of the other’s, on either API process', async () => {
  const b = await t.newCustomer('B');
  await t.ownNumber(b.customerId, '+15551230002'); // each customer calls from a number of its own
  const customers = [
    { name: 'A', token: t.accessKey, source: '+15551234567' },
    { name: 'B', token: b.token, source: '+15551230002' },
  ];
  const subscribers = customers.flatMap((customer) =>
    [t.baseUrl, secondUrl].flatMap((url) =>
      Array.from({ length: 10 }, () => {
        const client = wsClient(url, customer.token);
        const callIds = new Set<string>();
        client.subscribe<CallEventsSubscription>({ query: print(CallEventsDocument) }, { next: ({ data }) => data && callIds.add(data.callEvents.call.id), error: () => undefined, complete: () => undefined });
        return { customer: customer.name, client, callIds };
      }),
    ),
  );
  const sourceOf = (token: string) => customers.find((customer) => customer.token === token)!.source;
  const makeCalls = async (token: string, targets: string[]) =>
    (await graphql(t.baseUrl, token, CreateCallsDocument, {
      input: { source: { type: 'TEL', target: sourceOf(token) }, destinations: targets.map((target) => ({ type: 'TEL' as const, target })) },
    })).data!.createCalls.map((call) => call.id);

  // A probe call per customer until every subscriber hears its own: then all are listening.
  for (const customer of customers) {
    const listening = subscribers.filter((subscriber) => subscriber.customer === customer.name);
    await waitFor(
      async () => {
        const [probe] = await makeCalls(customer.token, ['+15550001777']);
        await new Promise((resolve) => setTimeout(resolve, 50));
        return listening.every((subscriber) => subscriber.callIds.has(probe!));
      },
      (ready) => ready,
      `subscribers of ${customer.name} to be listening`,
    );
  }

  const callsOf: Record<string, string[]> = {};
  for (const customer of customers) {
    callsOf[customer.name] = await makeCalls(customer.token, ['+15550001888', '+15550001889']);
  }
  for (const subscriber of subscribers) {
    const own = callsOf[subscriber.customer]!;
    await waitFor(async () => own.every((id) => subscriber.callIds.has(id)), (done) => done, `subscriber of ${subscriber.customer} to hear its calls`);
    const foreign = Object.entries(callsOf).filter(([name]) => name !== subscriber.customer).flatMap(([, ids]) => ids);
    expect(foreign.filter((id) => subscriber.callIds.has(id))).toEqual([]);
  }
  await Promise.all(subscribers.map((subscriber) => subscriber.client.dispose()));
});
