/** The access key the browser parts use, kept in this browser only (localStorage). */
const STORAGE_KEY = 'opencall.accessKey';

export const storedAccessKey = (): string => window.localStorage.getItem(STORAGE_KEY) ?? '';

export function storeAccessKey(key: string): void {
  if (key) window.localStorage.setItem(STORAGE_KEY, key);
  else window.localStorage.removeItem(STORAGE_KEY);
}

/** The graphql-ws endpoint of the page's own origin. */
export const graphqlSocketUrl = (): string => `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`;
