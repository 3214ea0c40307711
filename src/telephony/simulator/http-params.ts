import type { Request, Response } from 'express';
import { badRequest } from './sim-error';

/**
 * ARI takes its parameters in the query string, or as keys of a JSON body ("other keys in the
 * body object are interpreted as query parameters"); ari-client uses the query string.
 */
export function text(req: Request, name: string): string | undefined {
  const fromQuery = req.query[name];
  const value = Array.isArray(fromQuery) ? fromQuery[0] : fromQuery;
  if (typeof value === 'string') return value === '' ? undefined : value;
  const fromBody = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof fromBody === 'string' || typeof fromBody === 'number' ? String(fromBody) : undefined;
}

export function integer(req: Request, name: string): number | undefined {
  const value = text(req, name);
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number)) throw badRequest(`${name}: invalid integer`);
  return number;
}

export const pathParam = (req: Request, name: string): string => String(req.params[name]);

/** The `variables` body of create and originate: `{"variables": {"CALLERID(num)": "…"}}`. */
export function variables(req: Request): Record<string, string> | undefined {
  const body = req.body as { variables?: unknown } | undefined;
  const value = body?.variables;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw badRequest('variables: must be an object');
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, String(item)]));
}

/** Asterisk answers void operations with 204 No Content. */
export const noContent = (res: Response): void => void res.status(204).end();
