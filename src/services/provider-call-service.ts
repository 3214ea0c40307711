import type { Address, AddressInput } from '../domain/address';
import { AppError, invalidArgument } from '../domain/errors';
import type { PrismaClient } from '../persistence/database';
import { newCallId } from '../persistence/call-repository';
import { createProviderCallRepository, type ProviderCallRecord } from '../persistence/provider-call-repository';
import { createRouteRepository } from '../persistence/route-repository';
import { addressFromStored, type StoredAddress } from './call-row';
import type { CallService } from './call-service';
import { parseDestinations } from './create-calls';
import { isUuid, parseId } from './ids';
import { assertPlatformAdmin } from './platform-admin';
import type { ListPage } from './routing-service';

/** A provider call as the surfaces show it (VoIPBIN's RouteManagerProviderCall). */
export interface ProviderCall extends Omit<ProviderCallRecord, 'source' | 'destinations'> {
  source: Address;
  destinations: Address[];
}

/** A provider call asked for (VoIPBIN's POST /providercalls, keys as the service's). */
export interface ProviderCallInput {
  providerId?: unknown;
  flowId?: string | null;
  actions?: unknown[] | null;
  source?: AddressInput | null;
  destinations?: (AddressInput | null)[] | null;
  anonymous?: unknown;
}

const ANONYMOUS = ['yes', 'no', 'auto'] as const;

const shown = (record: ProviderCallRecord): ProviderCall => ({
  ...record,
  source: addressFromStored(record.source as StoredAddress),
  destinations: record.destinations.map((stored) => addressFromStored(stored as StoredAddress)),
});

function parseAnonymous(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'auto';
  if (typeof value !== 'string' || !(ANONYMOUS as readonly string[]).includes(value)) throw invalidArgument('anonymous', 'must be "yes", "no" or "auto"');
  return value;
}

/**
 * Provider calls (docs/routing.md): the platform administrator's test calls through one
 * provider, bypassing route selection and the source-number check, each kept as an audit record
 * inserted with its calls (one transaction). Anyone else gets PERMISSION_DENIED.
 */
export function createProviderCallService(prisma: PrismaClient, calls: Pick<CallService, 'create'>) {
  const records = createProviderCallRepository(prisma);
  const providers = createRouteRepository(prisma);
  const assertAdmin = (actorId: string) => assertPlatformAdmin(prisma, actorId, 'make or read provider calls');

  async function found(id: unknown): Promise<ProviderCallRecord> {
    const record = await records.find(parseId(id, 'id'));
    if (!record) throw new AppError('PROVIDER_CALL_NOT_FOUND', 'The provider call was not found.');
    return record;
  }

  return {
    /** One call per destination (tel only: a provider carries calls to phone numbers), through the provider alone. */
    async create(actorId: string, input: ProviderCallInput): Promise<ProviderCall> {
      await assertAdmin(actorId);
      if (input.providerId === undefined || input.providerId === null) throw invalidArgument('provider_id', 'is required');
      const provider = await providers.findProvider(parseId(input.providerId, 'provider_id'));
      if (!provider) throw new AppError('PROVIDER_NOT_FOUND', 'The provider was not found.', 'provider_id');
      parseDestinations(input.destinations).forEach((destination, index) => {
        if (destination.type !== 'tel') throw invalidArgument(`destinations[${index}].type`, 'must be tel: a provider carries calls to phone numbers');
      });
      const anonymous = parseAnonymous(input.anonymous);
      const id = newCallId();
      const planned = { providerId: provider.id, providerName: provider.name, endpoint: provider.endpoint, techHeaders: provider.techHeaders, codecs: provider.codecs };
      const made = await calls.create(
        actorId,
        { source: input.source ?? null, destinations: input.destinations ?? null, flowId: input.flowId ?? null, actions: input.actions ?? null },
        {
          provider: planned,
          record: (newCalls) =>
            records.insertStatement({
              id,
              customerId: actorId,
              providerId: provider.id,
              flowId: newCalls[0]?.flowId ?? null,
              source: newCalls[0]?.source,
              destinations: newCalls.map((call) => call.destination),
              anonymous,
              callIds: newCalls.map((call) => call.id),
            }),
        },
      );
      // Committed with its calls, in their transaction.
      const record = await records.find(id);
      if (!record) throw new AppError('INTERNAL', `Provider call ${id} was not stored with its ${made.length} calls.`);
      return shown(record);
    },
    /** Newest first, every customer's (the administrator's records); `providerId`: one provider's. */
    async list(actorId: string, page: ListPage & { providerId?: unknown }): Promise<ProviderCall[]> {
      await assertAdmin(actorId);
      if (page.providerId !== undefined && !isUuid(page.providerId)) throw invalidArgument('provider_id', 'must be a UUID');
      const providerId = page.providerId === undefined ? undefined : (page.providerId as string).toLowerCase();
      return (await records.list(page.pageSize, providerId, page.after)).map(shown);
    },
    async get(actorId: string, id: unknown): Promise<ProviderCall> {
      await assertAdmin(actorId);
      return shown(await found(id));
    },
    /** The record goes (soft delete); its calls stay. */
    async delete(actorId: string, id: unknown): Promise<ProviderCall> {
      await assertAdmin(actorId);
      const old = await found(id);
      return shown((await records.delete(old.id)) ?? old);
    },
  };
}

export type ProviderCallService = ReturnType<typeof createProviderCallService>;
