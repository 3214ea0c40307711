import { AppError, invalidArgument } from '../domain/errors';
import { parseText } from '../domain/text';
import { parseCodecs } from '../domain/codecs';
import { parseSipHeaders } from '../domain/sip-headers';
import { endpointOfHost, parseEndpointTemplate, parseRouteTarget } from '../domain/routing';
import { assertPlatformAdmin } from './platform-admin';
import type { PrismaClient } from '../persistence/database';
import { newCallId } from '../persistence/call-repository';
import { createRouteRepository, type ProviderFields, type ProviderRecord, type RouteRecord } from '../persistence/route-repository';
import { parseId, ZERO_UUID } from './ids';
import type { PageCursor } from './page-cursor';

export type Provider = ProviderRecord;
export type Route = RouteRecord;

/** VoIPBIN's provider fields, as clients send them, plus `endpoint`; the fields given change. */
export interface ProviderInput {
  type?: unknown;
  hostname?: unknown;
  tech_prefix?: unknown;
  tech_postfix?: unknown;
  tech_headers?: unknown;
  codecs?: unknown;
  endpoint?: unknown;
  name?: unknown;
  detail?: unknown;
}

/** VoIPBIN's route fields. `customer_id`: absent, null or the all-zero UUID make a default route. */
export interface RouteInput {
  customer_id?: unknown;
  name?: unknown;
  detail?: unknown;
  provider_id?: unknown;
  priority?: unknown;
  target?: unknown;
}

export interface ListPage {
  pageSize: number;
  after?: PageCursor | undefined;
}

const MAX_NAME = 255;
const MAX_TEXT = 2000;
const MAX_TECH = 64;
export const MAX_PRIORITY = 10_000;

function requiredName(value: unknown): string {
  const name = parseText(value, 'name', MAX_NAME);
  if (name.trim() === '') throw invalidArgument('name', `is required: text of at most ${MAX_NAME} characters`);
  return name;
}

function parseTech(value: unknown, field: string): string {
  const text = parseText(value, field, MAX_TECH);
  if (/\s|[/@{}]/.test(text)) throw invalidArgument(field, 'must not contain spaces, "/", "@" or braces');
  return text;
}

function parseHostname(value: unknown): string {
  const text = parseText(value, 'hostname', MAX_NAME);
  if (/\s|[/@{}]/.test(text)) throw invalidArgument('hostname', 'must be a host or PJSIP endpoint name (no spaces, "/", "@" or braces)');
  return text;
}

function parsePriority(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_PRIORITY) {
    throw invalidArgument('priority', `must be a whole number from 0 to ${MAX_PRIORITY} (lower is tried first)`);
  }
  return value;
}

/**
 * A provider's fields, the old ones where the input gives none. The endpoint is the template
 * given, or the one VoIPBIN's fields describe (`PJSIP/<tech_prefix>{target}<tech_postfix>@<hostname>`).
 */
function providerFields(input: ProviderInput, old: ProviderRecord | null): ProviderFields {
  if (input.type !== undefined && input.type !== 'sip') throw invalidArgument('type', 'must be "sip" (the one provider type)');
  const name = input.name === undefined && old ? old.name : requiredName(input.name);
  const hostname = input.hostname === undefined ? (old?.hostname ?? '') : parseHostname(input.hostname);
  const techPrefix = input.tech_prefix === undefined ? (old?.techPrefix ?? '') : parseTech(input.tech_prefix, 'tech_prefix');
  const techPostfix = input.tech_postfix === undefined ? (old?.techPostfix ?? '') : parseTech(input.tech_postfix, 'tech_postfix');
  const techHeaders = input.tech_headers === undefined ? (old?.techHeaders ?? {}) : { ...parseSipHeaders(input.tech_headers) };
  const codecs = input.codecs === undefined ? (old?.codecs ?? '') : parseCodecs(input.codecs);
  const detail = input.detail === undefined ? (old?.detail ?? '') : parseText(input.detail, 'detail', MAX_TEXT);
  const hostChanged = input.hostname !== undefined || input.tech_prefix !== undefined || input.tech_postfix !== undefined;
  let endpoint: string;
  if (input.endpoint !== undefined && input.endpoint !== null && input.endpoint !== '') endpoint = parseEndpointTemplate(input.endpoint);
  else if (hostname !== '' && (hostChanged || !old)) endpoint = endpointOfHost(hostname, techPrefix, techPostfix);
  else if (old) endpoint = old.endpoint;
  else throw invalidArgument('endpoint', 'is required (e.g. "PJSIP/{target}@carrier"), or give hostname');
  return { type: 'sip', hostname, techPrefix, techPostfix, techHeaders, codecs, endpoint, name, detail };
}

/**
 * A route's owner: a customer id, or null for a default route (absent, null, '' or the all-zero
 * UUID). The one reading of `customer_id`: the list filter takes the same spellings as the create.
 */
function parseOwner(value: unknown): string | null {
  if (value === undefined || value === null || value === '' || value === ZERO_UUID) return null;
  return parseId(value, 'customer_id');
}

/**
 * Providers and routes (docs/routing.md): the platform administrator's alone; anyone else gets
 * PERMISSION_DENIED, as for customers. Calls read the routes when they are made
 * (src/persistence/call-repository.ts), so a change applies to the calls made after it: at once
 * in this process, within ROUTE_CACHE_MS in the others (each trusts the routes it read that long).
 */
export function createRoutingService(prisma: PrismaClient, onRoutesChanged: () => void = () => undefined) {
  const stored = createRouteRepository(prisma);
  /** A write of providers or routes: the calls this process makes after it are planned with it (ROUTE_CACHE_MS). */
  const written =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await write(...args);
      } finally {
        onRoutesChanged();
      }
    };
  const repo = {
    ...stored,
    insertProvider: written(stored.insertProvider),
    updateProvider: written(stored.updateProvider),
    deleteUnusedProvider: written(stored.deleteUnusedProvider),
    insertRoute: written(stored.insertRoute),
    updateRoute: written(stored.updateRoute),
    deleteRoute: written(stored.deleteRoute),
  };

  const assertAdmin = (actorId: string) => assertPlatformAdmin(prisma, actorId, 'manage providers and routes');

  const providerNotFound = (field: string) => new AppError('PROVIDER_NOT_FOUND', 'The provider was not found.', field === 'id' ? undefined : field);

  async function provider(id: unknown, field = 'id'): Promise<ProviderRecord> {
    const found = await repo.findProvider(parseId(id, field));
    if (!found) throw providerNotFound(field);
    return found;
  }

  const routeNotFound = () => new AppError('DIAL_ROUTE_NOT_FOUND', 'The route was not found.');

  /**
   * A row made or changed, or the 404 of what was deleted after it was read (a concurrent delete
   * wins over a change: the change is written only onto a live row).
   */
  const saved = <T>(row: T | null | 'provider deleted' | 'route deleted', field = 'provider_id'): T => {
    if (row === null || row === 'provider deleted') throw providerNotFound(field);
    if (row === 'route deleted') throw routeNotFound();
    return row;
  };

  async function route(id: unknown): Promise<RouteRecord> {
    const found = await repo.findRoute(parseId(id, 'id'));
    if (!found) throw routeNotFound();
    return found;
  }

  async function owner(value: unknown): Promise<string | null> {
    const customerId = parseOwner(value);
    if (customerId && !(await prisma.customer.findFirst({ where: { id: customerId, tmDelete: null }, select: { id: true } }))) {
      throw new AppError('CUSTOMER_NOT_FOUND', 'The customer was not found.', 'customer_id');
    }
    return customerId;
  }

  return {
    async createProvider(actorId: string, input: ProviderInput): Promise<Provider> {
      await assertAdmin(actorId);
      return repo.insertProvider(newCallId(), providerFields(input, null));
    },
    async listProviders(actorId: string, page: ListPage): Promise<Provider[]> {
      await assertAdmin(actorId);
      return repo.listProviders(page.pageSize, page.after);
    },
    async getProvider(actorId: string, id: unknown): Promise<Provider> {
      await assertAdmin(actorId);
      return provider(id);
    },
    async updateProvider(actorId: string, id: unknown, input: ProviderInput): Promise<Provider> {
      await assertAdmin(actorId);
      const old = await provider(id);
      return saved(await repo.updateProvider(old.id, providerFields(input, old)), 'id');
    },
    /** A provider that routes still use cannot go (409): delete or move those routes first. */
    async deleteProvider(actorId: string, id: unknown): Promise<Provider> {
      await assertAdmin(actorId);
      const old = await provider(id);
      const deleted = await repo.deleteUnusedProvider(old.id);
      if (!deleted) throw new AppError('PROVIDER_IN_USE', 'Routes still use this provider: delete them or point them elsewhere first.');
      return deleted;
    },

    async createRoute(actorId: string, input: RouteInput): Promise<Route> {
      await assertAdmin(actorId);
      const target = parseRouteTarget(input.target);
      const priority = input.priority === undefined ? 1 : parsePriority(input.priority);
      const name = parseText(input.name, 'name', MAX_NAME);
      const detail = parseText(input.detail, 'detail', MAX_TEXT);
      if (input.provider_id === undefined) throw invalidArgument('provider_id', 'is required');
      const providerId = (await provider(input.provider_id, 'provider_id')).id;
      const customerId = await owner(input.customer_id);
      return saved(await repo.insertRoute(newCallId(), { customerId, name, detail, providerId, priority, target }));
    },
    /** `customerId`: VoIPBIN's `?customer_id=` filter ('' or the all-zero UUID: the default routes, as parseOwner reads them); absent: all. */
    async listRoutes(actorId: string, page: ListPage & { customerId?: unknown }): Promise<Route[]> {
      await assertAdmin(actorId);
      const filter = page.customerId === undefined ? undefined : parseOwner(page.customerId);
      return repo.listRoutes(page.pageSize, filter, page.after);
    },
    async getRoute(actorId: string, id: unknown): Promise<Route> {
      await assertAdmin(actorId);
      return route(id);
    },
    /** The fields given change; a route's customer does not (VoIPBIN's PUT has no customer_id). */
    async updateRoute(actorId: string, id: unknown, input: RouteInput): Promise<Route> {
      await assertAdmin(actorId);
      const old = await route(id);
      if (input.customer_id !== undefined && parseOwner(input.customer_id) !== old.customerId) {
        throw invalidArgument('customer_id', "a route's customer cannot change: make a new route");
      }
      const target = input.target === undefined ? old.target : parseRouteTarget(input.target);
      const priority = input.priority === undefined ? old.priority : parsePriority(input.priority);
      const name = input.name === undefined ? old.name : parseText(input.name, 'name', MAX_NAME);
      const detail = input.detail === undefined ? old.detail : parseText(input.detail, 'detail', MAX_TEXT);
      const providerId = input.provider_id === undefined ? old.providerId : (await provider(input.provider_id, 'provider_id')).id;
      return saved(await repo.updateRoute(old.id, { name, detail, providerId, priority, target }));
    },
    async deleteRoute(actorId: string, id: unknown): Promise<Route> {
      await assertAdmin(actorId);
      const old = await route(id);
      return (await repo.deleteRoute(old.id)) ?? old;
    },
  };
}

export type RoutingService = ReturnType<typeof createRoutingService>;
