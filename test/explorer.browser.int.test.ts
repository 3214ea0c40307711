import type { BrowserContext, Page } from 'playwright-core';
import { offlinePage, startBrowserTest } from './support/browser';
import { restCall } from './support/rest-client';
import type { TestApp } from './support/test-app';

/** The welcome page and the GraphQL explorer in a real headless Chromium that can reach nothing but the API. */
let t: TestApp;
let browser: BrowserContext;
let running: Awaited<ReturnType<typeof startBrowserTest>>;
beforeAll(async () => {
  running = await startBrowserTest();
  ({ t, browser } = running);
}, 60_000);
afterAll(async () => {
  await running?.stop();
});

it('welcomes at / with the access key’s use and links to the console, the explorer and the REST reference', async () => {
  const { page, blocked } = await offlinePage(browser, t.baseUrl);
  await page.goto(`${t.baseUrl}/`);
  expect(await page.title()).toBe('OpenCall');
  const links = await page.$$eval('nav a', (anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
  expect(links).toEqual(expect.arrayContaining(['/console', '/explorer', '/reference/rest', '/v1.0/openapi.json']));
  expect(await page.textContent('body')).toContain('Authorization: Bearer <key>');
  expect(blocked).toEqual([]);
  await page.close();
});

it('sends a browser that opens /graphql to the explorer', async () => {
  const { page } = await offlinePage(browser, t.baseUrl);
  await page.goto(`${t.baseUrl}/graphql`);
  expect(new URL(page.url()).pathname).toBe('/explorer');
  await page.close();
});

const resultText = (page: Page) => page.locator('.graphiql-response').innerText();

async function openExplorer(query: string): Promise<{ page: Page; blocked: string[] }> {
  const opened = await offlinePage(browser, t.baseUrl);
  // GraphiQL starts with the query it last had in this browser.
  await opened.page.addInitScript({ content: `localStorage.clear(); localStorage.setItem('graphiql:query', ${JSON.stringify(query)});` });
  await opened.page.goto(`${t.baseUrl}/explorer`);
  await opened.page.getByLabel('Access key').fill(t.accessKey);
  await opened.page.locator('.graphiql-execute-button').waitFor();
  return opened;
}

it('runs a query with the key from its field, offline', async () => {
  const { page, blocked } = await openExplorer('{ calls(first: 5) { edges { node { id } } } }');
  await page.locator('.graphiql-execute-button').click();
  await page.locator('.graphiql-response', { hasText: '"calls"' }).waitFor();
  expect(await resultText(page)).toContain('"edges"');
  expect(blocked).toEqual([]);
  await page.close();
});

it('answers UNAUTHENTICATED when the field holds a wrong key', async () => {
  const { page } = await openExplorer('{ calls(first: 1) { edges { node { id } } } }');
  await page.getByLabel('Access key').fill('not-a-key');
  await page.locator('.graphiql-execute-button').click();
  await page.locator('.graphiql-response', { hasText: 'UNAUTHENTICATED' }).waitFor();
  await page.close();
});

it('runs a subscription over graphql-ws and shows the events as they come', async () => {
  const { page } = await openExplorer('subscription { callEvents { type call { id status } } }');
  await page.locator('.graphiql-execute-button').click();
  // The subscription is live once the socket is up: a call made now shows up in the result.
  await page.locator('.graphiql-execute-button[aria-label*="Stop" i]').waitFor();
  const made = await restCall(t.baseUrl, t.accessKey, 'POST', '/calls', { source: { type: 'tel', target: '+15551234567' }, destinations: [{ type: 'tel', target: '+15559876543' }] });
  const id = made.body.calls[0].id as string;
  await page.locator('.graphiql-response', { hasText: id }).waitFor();
  expect(await resultText(page)).toContain('call_');
  await page.close();
});
