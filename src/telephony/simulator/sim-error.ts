/** An ARI error answer: Asterisk's status code and `{"message": …}` body. */
export class SimError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const channelNotFound = () => new SimError(404, 'Channel not found');
