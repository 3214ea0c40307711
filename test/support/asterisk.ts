/**
 * The suites that run against a real Asterisk: only when ASTERISK_ARI_URL points at one whose
 * dialplan has the `sandbox` context of docker/asterisk/extensions.conf (docker compose up asterisk).
 */
export const ASTERISK_ARI_URL = process.env.ASTERISK_ARI_URL;

/** The product's settings for that Asterisk: its own Stasis application, tel calls into the sandbox. */
export const asteriskEnv = (app: string, extra: Record<string, string> = {}): Record<string, string> => ({
  ARI_URL: ASTERISK_ARI_URL as string,
  ARI_USERNAME: process.env.ASTERISK_ARI_USERNAME ?? 'opencall',
  ARI_PASSWORD: process.env.ASTERISK_ARI_PASSWORD ?? 'opencall',
  ARI_APP: `${app}-${process.pid}`,
  ARI_ENDPOINT_TEL: 'Local/{target}@sandbox',
  ...extra,
});
