import { isNotFound } from '../domain/errors';

/** A single-item query's answer: null when there is no such thing of the caller's (any *_NOT_FOUND). */
export async function nullWhenNotFound<T>(pending: Promise<T>): Promise<T | null> {
  try {
    return await pending;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}
