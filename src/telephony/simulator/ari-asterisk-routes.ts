import { Router, type Request } from 'express';
import { ariTime } from './ari-time';
import { ASTERISK_ID, type EventHub } from './event-hub';
import { pathParam, text } from './http-params';
import type { Sandbox } from './sandbox';
import { SimError } from './sim-error';
import type { SwaggerDocuments } from './swagger-documents';

const ASTERISK_VERSION = '22.10.1';

/** The API documents, the Asterisk itself and its Stasis applications. */
export function ariAsteriskRoutes(sandbox: Sandbox, hub: EventHub, swagger: SwaggerDocuments): Router {
  const router = Router();
  const startedAt = ariTime();

  // Asterisk's basePath is http://host:port/ari: ari-client calls back wherever it reached us.
  const basePath = (req: Request) => `${req.protocol}://${req.headers.host ?? 'localhost'}/ari`;
  router.get('/api-docs/:document.json', (req, res) => {
    const document = swagger.document(pathParam(req, 'document'), basePath(req));
    if (document === undefined) throw new SimError(404, 'Resource not found');
    res.type('application/json').send(document);
  });

  const info: Record<string, unknown> = {
    build: { os: 'Linux', kernel: '', machine: 'x86_64', options: '', date: '', user: 'opencall-simulator' },
    system: { version: ASTERISK_VERSION, entity_id: ASTERISK_ID },
    config: { name: 'opencall-simulator', default_language: 'en', setid: { user: '', group: '' } },
    status: { startup_time: startedAt, last_reload_time: startedAt },
  };
  router.get('/asterisk/info', (req, res) => {
    const only = text(req, 'only')?.split(',');
    res.json(only ? Object.fromEntries(Object.entries(info).filter(([part]) => only.includes(part))) : info);
  });
  router.get('/asterisk/ping', (_req, res) => void res.json({ asterisk_id: ASTERISK_ID, ping: 'pong', timestamp: ariTime() }));

  const application = (name: string) => ({
    name,
    channel_ids: [...sandbox.channels.live.values()].filter((channel) => channel.app === name).map((channel) => channel.id),
    bridge_ids: sandbox.bridges.idsForApp(name),
    endpoint_ids: [],
    device_names: [],
    events_allowed: [],
    events_disallowed: [],
  });
  const knownApp = (req: Request): string => {
    const name = pathParam(req, 'applicationName');
    if (!hub.knownApps().includes(name)) throw new SimError(404, 'Application not found');
    return name;
  };
  router.get('/applications', (_req, res) => void res.json(hub.knownApps().map(application)));
  router.get('/applications/:applicationName', (req, res) => void res.json(application(knownApp(req))));

  /**
   * Subscribing to a channel makes the app hear of it after StasisEnd (ChannelDestroyed …), which
   * a channel from the dialplan otherwise never brings (traces inbound-local-stasis-app-hangup-*).
   */
  const subscription = (req: Request, subscribe: boolean) => {
    const name = knownApp(req);
    const sources = (text(req, 'eventSource') ?? '').split(',').filter(Boolean);
    if (sources.length === 0) throw new SimError(400, 'Missing parameter eventSource');
    const channels = sources.map((source) => {
      const [scheme, id = ''] = source.split(/:(.*)/s);
      if (scheme !== 'channel') throw new SimError(400, 'Invalid event source URI scheme');
      const channel = sandbox.channels.live.get(id);
      if (!channel || channel.app !== name) throw new SimError(422, 'Event source does not exist');
      return channel;
    });
    for (const channel of channels) {
      if (subscribe && channel.subscription === 'none') channel.subscription = 'explicit';
      if (!subscribe && channel.subscription === 'explicit') channel.subscription = 'none';
    }
    return application(name);
  };
  router.post('/applications/:applicationName/subscription', (req, res) => void res.json(subscription(req, true)));
  router.delete('/applications/:applicationName/subscription', (req, res) => void res.json(subscription(req, false)));

  return router;
}
