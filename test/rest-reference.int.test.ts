import { OPENAPI_DOCUMENT } from '../src/rest/openapi/document';
import { startTestApp, type TestApp } from './support/test-app';

/** The REST reference page: rendered from the served document, needing no CDN or script. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

it('serves every operation and schema of the document as one self-contained page', async () => {
  const response = await fetch(`${t.baseUrl}/reference/rest`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  const page = await response.text();
  for (const [path, methods] of Object.entries(OPENAPI_DOCUMENT.paths)) {
    for (const [method, op] of Object.entries(methods as Record<string, { operationId: string }>)) {
      expect(page).toContain(`id="${op.operationId}"`);
      expect(page).toContain(`${method.toUpperCase()}</span> <code>${path}</code>`);
    }
  }
  for (const name of Object.keys(OPENAPI_DOCUMENT.components.schemas)) expect(page).toContain(`id="schema-${name}"`);
  // Nothing is loaded from elsewhere: no scripts, no external stylesheets, images or fonts.
  expect(page).not.toMatch(/<script|<link|<img|@import|url\(/i);
  expect(page).not.toMatch(/(src|href)="(https?:)?\/\//i);
  expect(page).toContain('2006-01-02 15:04:05.000000');
  expect(page).toContain('href="/v1.0/openapi.json"');
});
