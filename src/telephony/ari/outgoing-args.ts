import { OUTGOING_CHANNEL_ARG } from '../media-server';

const TIMEOUT_ARG = 'dial_timeout=';
const DEFAULT_TIMEOUT_SECONDS = 30;

/**
 * The Stasis arguments of a channel the product creates: `outgoing` (to tell it from an
 * incoming one) and the dial timeout its StasisStart dials it with.
 */
export const dialArgs = (timeoutSeconds: number): string => `${OUTGOING_CHANNEL_ARG},${TIMEOUT_ARG}${timeoutSeconds}`;

export function dialTimeoutOf(args: string[]): number {
  const value = Number(args.find((arg) => arg.startsWith(TIMEOUT_ARG))?.slice(TIMEOUT_ARG.length));
  return Number.isInteger(value) && value >= 0 ? value : DEFAULT_TIMEOUT_SECONDS;
}

/**
 * A provider's SIP headers as the channel variables chan_pjsip adds to the INVITE it sends
 * (`PJSIP_HEADER(add,X-Account)`). Only a PJSIP channel has an INVITE of its own: on any other
 * technology (Local …) the function does not exist and Asterisk would only log a warning.
 */
export function sipHeaderVariables(endpoint: string, headers: Readonly<Record<string, string>> | undefined): Record<string, string> {
  if (!headers || !/^PJSIP\//i.test(endpoint)) return {};
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [`PJSIP_HEADER(add,${name})`, value]));
}
