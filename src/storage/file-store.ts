/** Where recording files live: a local directory by default, an S3-compatible store in production. */
export interface FileStore {
  /** Writes the file under `key` (overwriting: a retried store job writes the same bytes). */
  put(key: string, content: Buffer, contentType: string): Promise<void>;
  /** The file, or null when there is none under `key`. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the file; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
}

/** Keys are made by the product (`<customer>/<recording>.<ext>`): refuse anything else. */
const KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}\.(wav|mp3|ogg)$/;

export function assertStorageKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`not a recording storage key: ${key}`);
}
