import type { BrowserContext, Page } from 'playwright-core';
import { offlinePage, startBrowserTest } from './support/browser';
import { restCall } from './support/rest-client';
import { connectedPair, RINGS, TRANSFER_SOURCE } from './support/transfers';
import { TEST_SOURCE_NUMBER, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';
import { startReceiver, type Receiver } from './support/webhook-receiver';

/**
 * The console in a real headless Chromium that reaches nothing but the API: sign-in, calls that
 * appear and change live, a call's page with its timeline, activeflow, chained calls, recordings
 * and webhook deliveries, a call made from the form, and the sandbox far end played from the page.
 */
let t: TestApp;
let browser: BrowserContext;
let running: Awaited<ReturnType<typeof startBrowserTest>>;
let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
  running = await startBrowserTest({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' });
  ({ t, browser } = running);
}, 60_000);
afterAll(async () => {
  await running?.stop();
  await receiver?.close();
});

const rest = (method: string, path: string, body?: unknown) => restCall(t.baseUrl, t.accessKey, method, path, body);

async function signedIn(path = '/console'): Promise<Page> {
  const { page, blocked } = await offlinePage(browser, t.baseUrl);
  await page.addInitScript({ content: `localStorage.setItem('opencall.accessKey', ${JSON.stringify(t.accessKey)});` });
  page.setDefaultTimeout(10_000);
  await page.goto(`${t.baseUrl}${path}`);
  page.on('close', () => expect(blocked).toEqual([]));
  pages.push(page);
  return page;
}

const pages: Page[] = [];
afterEach(async () => {
  // A failed test leaves its page as it was: a screenshot says where it stopped.
  for (const page of pages.splice(0)) if (!page.isClosed()) await page.screenshot({ path: `/tmp/opencall-console-failure-${Date.now()}.png` }).catch(() => undefined);
});

it('signs in with an access key, refusing a wrong one', async () => {
  const { page } = await offlinePage(browser, t.baseUrl);
  await page.addInitScript({ content: 'localStorage.clear();' });
  await page.goto(`${t.baseUrl}/console`);
  await page.getByLabel('Access key').fill('not-a-key');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').waitFor();
  expect(await page.getByRole('alert').innerText()).toMatch(/access key|credential|unauth/i);
  await page.getByLabel('Access key').fill(t.accessKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Calls' }).waitFor();
  await page.close();
});

it('shows a new call and its status changes as they happen, without reloading', async () => {
  const page = await signedIn();
  await page.getByRole('heading', { name: 'Calls' }).waitFor();
  const made = await rest('POST', '/calls', { source: { type: 'tel', target: TEST_SOURCE_NUMBER }, destinations: [{ type: 'tel', target: '+15550005001' }] });
  const id = made.body.calls[0].id as string;
  const row = `tr[data-call-id="${id}"]`;
  await page.locator(row).waitFor();
  await page.locator(`${row} .status`, { hasText: 'hangup' }).waitFor();
  expect(await page.locator(row).innerText()).toContain('remote, normal');
  await page.close();
});

it('makes a call from the form, plays the far end from the call page, and draws the timeline', async () => {
  const webhook = await rest('POST', '/webhooks', { url: receiver.url('/console'), events: ['call_created', 'call_hungup'] });
  expect(webhook.status).toBe(200);
  const page = await signedIn();
  await page.getByLabel('From').fill(TEST_SOURCE_NUMBER);
  await page.getByLabel('To').fill('+15550002001'); // rings until someone answers
  await page.getByRole('button', { name: 'Call' }).click();
  await page.waitForURL(/\/console\/calls\/[0-9a-f-]+$/);
  const id = page.url().split('/').pop() as string;
  await page.locator('h1 .status', { hasText: 'ringing' }).waitFor();

  await page.getByRole('button', { name: 'Answer' }).click();
  await page.locator('h1 .status', { hasText: 'progressing' }).waitFor();
  await page.getByLabel('Keys').fill('12#');
  await page.getByRole('button', { name: 'Press keys' }).click();
  await page.locator('.far-end', { hasText: 'keys pressed: 12#' }).waitFor();
  await page.getByRole('button', { name: 'Hang up' }).click();
  await page.locator('h1 .status', { hasText: 'hangup' }).waitFor();
  expect(await page.locator('.meta').innerText()).toContain('ended by remote (normal)');

  const stages = await page.locator('.lifecycle li').allInnerTexts();
  expect(stages.map((text) => text.replace(/\s+/g, ' ').trim())).toEqual([
    expect.stringMatching(/^dialing \d\d:\d\d:\d\d\.\d{3}$/),
    expect.stringMatching(/^→ [\d.]+ (ms|s) → ringing \d\d:\d\d:\d\d\.\d{3}$/),
    expect.stringMatching(/^→ [\d.]+ (ms|s) → progressing /),
    expect.stringMatching(/^→ [\d.]+ (ms|s) → hangup /),
  ]);
  const events = (await page.locator('table.events tbody tr').allInnerTexts()).map((text) => text.split('\t')[1]);
  expect(events[0]).toBe('call_created');
  expect(events.slice(1, 3)).toEqual(['call_ringing', 'call_answered']);
  expect(events[events.length - 1]).toBe('call_hungup');
  const calls = await rest('GET', `/calls/${id}/events`);
  expect(calls.status).toBe(200);

  await page.locator('.deliveries tr', { hasText: 'call_hungup' }).filter({ hasText: 'delivered' }).waitFor();
  expect(await page.locator('.deliveries tr', { hasText: 'call_created' }).innerText()).toContain('delivered');
  await page.close();
});

it('shows the activeflow and its current action, chained calls, and plays the recording in the page', async () => {
  const master = await rest('POST', '/calls', {
    source: { type: 'tel', target: TEST_SOURCE_NUMBER },
    destinations: [{ type: 'tel', target: '+15559870001' }],
    actions: [{ type: 'recording_start', option: { format: 'wav' } }, { type: 'talk', option: { text: 'Hello from the console test.' } }, { type: 'sleep', option: { duration: 600000 } }],
  });
  const masterId = master.body.calls[0].id as string;
  const chained = await rest('POST', '/calls', { source: { type: 'tel', target: TEST_SOURCE_NUMBER }, destinations: [{ type: 'tel', target: '+15559870002' }], master_call_id: masterId });
  const chainedId = chained.body.calls[0].id as string;

  const page = await signedIn(`/console/calls/${masterId}`);
  await page.locator('.activeflow .current-action', { hasText: 'sleep' }).waitFor();
  await page.locator(`.related li[data-call-id="${chainedId}"]`).waitFor();
  await page.getByRole('button', { name: 'Hang up' }).click();
  await page.locator('h1 .status', { hasText: 'hangup' }).waitFor();
  await page.locator(`.related li[data-call-id="${chainedId}"] .status`, { hasText: 'hangup' }).waitFor();

  // The recording's file is stored after the call ends; the page shows a player once it is.
  await waitFor(() => rest('GET', `/calls/${masterId}`), (answer) => (answer.body.recording_ids ?? []).length > 0, 'a recording');
  await page.reload();
  const audio = page.locator('.recordings audio');
  await audio.waitFor();
  type Player = { readyState: number; duration: number; onloadedmetadata: unknown; onerror: unknown };
  const duration = await audio.evaluate(
    (element: Player) =>
      new Promise<number>((resolve, reject) => {
        if (element.readyState >= 1) resolve(element.duration);
        element.onloadedmetadata = () => resolve(element.duration);
        element.onerror = () => reject(new Error('the audio does not load'));
      }),
  );
  expect(duration).toBeGreaterThan(0);
  // CONSOLE_SCREENSHOT=docs/console-call.png renews the picture the docs show.
  if (process.env.CONSOLE_SCREENSHOT) await page.screenshot({ path: process.env.CONSOLE_SCREENSHOT, fullPage: true });
  await page.close();
});

it("shows a groupcall leg's groupcall and its other legs, and their ends as they happen", async () => {
  const created = await rest('POST', '/groupcalls', {
    source: { type: 'tel', target: TEST_SOURCE_NUMBER },
    destinations: [{ type: 'tel', target: '+15550002001' }, { type: 'tel', target: '+15550002002' }],
    ring_method: 'ring_all',
    dial_timeout: 600000,
  });
  expect(created.status).toBe(200);
  const [first, second] = created.body.call_ids as string[];
  const page = await signedIn(`/console/calls/${first}`);
  await page.locator(`.related .groupcall[data-groupcall-id="${created.body.id}"]`, { hasText: 'ring_all' }).waitFor();
  await page.locator(`.related li[data-call-id="${second}"]`).waitFor();
  expect(await page.locator(`.related li[data-call-id="${first}"]`).count()).toBe(0);
  expect((await rest('POST', `/groupcalls/${created.body.id}/hangup`)).status).toBe(200);
  await page.locator(`.related li[data-call-id="${second}"] .status`, { hasText: 'hangup' }).waitFor();
  await page.locator('.related .groupcall .status', { hasText: 'hangup' }).waitFor();
  await page.close();
});

it("shows a call's transfer and the transfer's other calls, and its end as it happens", async () => {
  expect((await rest('POST', '/numbers', { number: TRANSFER_SOURCE })).status).toBe(200);
  const { caller, transferer } = await connectedPair(t);
  const started = await rest('POST', `/calls/${transferer}/transfer`, { type: 'attended', destination: { type: 'tel', target: RINGS } });
  expect(started.status).toBe(200);
  const page = await signedIn(`/console/calls/${caller}`);
  await page.locator(`.related .transfer[data-transfer-id="${started.body.transfer_id}"]`, { hasText: 'attended' }).waitFor();
  await page.locator(`.relation-transfers li[data-call-id="${transferer}"]`).waitFor();
  await page.locator(`.relation-transfers li[data-call-id="${started.body.consult_call_id}"]`).waitFor();
  expect((await rest('POST', `/transfers/${started.body.transfer_id}/cancel`)).status).toBe(200);
  await page.locator('.related .transfer .status', { hasText: 'cancelled' }).waitFor();
  await page.locator(`.relation-transfers li[data-call-id="${started.body.consult_call_id}"] .status`, { hasText: 'hangup' }).waitFor();
  await page.close();
});
