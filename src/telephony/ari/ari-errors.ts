/**
 * ari-client rejects with a plain Error whose message is the JSON body Asterisk answered
 * (`{"message":"Channel not found"}`) and no status code, so the body is the only signal there is.
 */
const NOT_FOUND_MESSAGES = ['Channel not found', 'Bridge not found', 'Playback not found', 'Recording not found'];

export function ariMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  try {
    const body = JSON.parse(text) as { message?: unknown };
    return typeof body.message === 'string' ? body.message : text;
  } catch {
    return text;
  }
}

export const isAriNotFound = (error: unknown): boolean => NOT_FOUND_MESSAGES.includes(ariMessage(error));

/** A channel made by channels/create that has not entered the application yet (trace stasis-start-before-dial). */
export const isAriNotInStasis = (error: unknown): boolean => /not in Stasis application/i.test(ariMessage(error));

/** Asterisk refuses a channelId that is in use: a retried originate whose first attempt worked. */
export const isAriDuplicateId = (error: unknown): boolean => /already (exists|in use)/i.test(ariMessage(error));
