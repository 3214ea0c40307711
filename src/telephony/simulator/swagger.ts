/**
 * The Swagger 1.2 resource documents ari-client loads at connect, written from Asterisk's own
 * rest-api/api-docs for the resources and operations the simulator serves. (Asterisk says 1.1,
 * which makes ari-client's swagger print a deprecation notice at every connect; the formats agree.)
 */
type Param = [name: string, paramType: 'path' | 'query' | 'body', dataType: string, required?: boolean];
type Operation = [httpMethod: string, nickname: string, responseClass: string, params?: Param[]];

const path = (name: string): Param => [name, 'path', 'string', true];
const query = (name: string, dataType = 'string', required = false): Param => [name, 'query', dataType, required];
const ch = path('channelId');
const br = path('bridgeId');

const RESOURCES: Record<string, Record<string, Operation[]>> = {
  asterisk: {
    '/asterisk/info': [['GET', 'getInfo', 'AsteriskInfo', [query('only')]]],
    '/asterisk/ping': [['GET', 'ping', 'AsteriskPing']],
  },
  applications: {
    '/applications': [['GET', 'list', 'List[Application]']],
    '/applications/{applicationName}': [['GET', 'get', 'Application', [path('applicationName')]]],
  },
  channels: {
    // Single-request originate is not served: the product uses channels/create + dial.
    '/channels': [['GET', 'list', 'List[Channel]']],
    '/channels/create': [['POST', 'create', 'Channel', [query('endpoint', 'string', true), query('app', 'string', true), query('appArgs'), query('channelId'), query('otherChannelId'), query('originator'), query('formats'), ['variables', 'body', 'containers']]]],
    '/channels/{channelId}': [
      ['GET', 'get', 'Channel', [ch]],
      ['DELETE', 'hangup', 'void', [ch, query('reason_code'), query('reason')]],
    ],
    '/channels/{channelId}/dial': [['POST', 'dial', 'void', [ch, query('caller'), query('timeout', 'int')]]],
    '/channels/{channelId}/answer': [['POST', 'answer', 'void', [ch]]],
    '/channels/{channelId}/ring': [['POST', 'ring', 'void', [ch]], ['DELETE', 'ringStop', 'void', [ch]]],
    '/channels/{channelId}/dtmf': [['POST', 'sendDTMF', 'void', [ch, query('dtmf'), query('before', 'int'), query('between', 'int'), query('duration', 'int'), query('after', 'int')]]],
    '/channels/{channelId}/mute': [['POST', 'mute', 'void', [ch, query('direction')]], ['DELETE', 'unmute', 'void', [ch, query('direction')]]],
    '/channels/{channelId}/hold': [['POST', 'hold', 'void', [ch]], ['DELETE', 'unhold', 'void', [ch]]],
    '/channels/{channelId}/moh': [['POST', 'startMoh', 'void', [ch, query('mohClass')]], ['DELETE', 'stopMoh', 'void', [ch]]],
    '/channels/{channelId}/silence': [['POST', 'startSilence', 'void', [ch]], ['DELETE', 'stopSilence', 'void', [ch]]],
    '/channels/{channelId}/play': [['POST', 'play', 'Playback', [ch, query('media', 'string', true), query('lang'), query('offsetms', 'int'), query('skipms', 'int'), query('playbackId')]]],
    '/channels/{channelId}/play/{playbackId}': [['POST', 'playWithId', 'Playback', [ch, path('playbackId'), query('media', 'string', true), query('lang')]]],
    '/channels/{channelId}/variable': [
      ['GET', 'getChannelVar', 'Variable', [ch, query('variable', 'string', true)]],
      ['POST', 'setChannelVar', 'void', [ch, query('variable', 'string', true), query('value')]],
    ],
  },
  bridges: {
    '/bridges': [['GET', 'list', 'List[Bridge]'], ['POST', 'create', 'Bridge', [query('type'), query('bridgeId'), query('name')]]],
    '/bridges/{bridgeId}': [
      ['POST', 'createWithId', 'Bridge', [br, query('type'), query('name')]],
      ['GET', 'get', 'Bridge', [br]],
      ['DELETE', 'destroy', 'void', [br]],
    ],
    '/bridges/{bridgeId}/addChannel': [['POST', 'addChannel', 'void', [br, query('channel', 'string', true), query('role')]]],
    '/bridges/{bridgeId}/removeChannel': [['POST', 'removeChannel', 'void', [br, query('channel', 'string', true)]]],
  },
  playbacks: {
    '/playbacks/{playbackId}': [['GET', 'get', 'Playback', [path('playbackId')]], ['DELETE', 'stop', 'void', [path('playbackId')]]],
  },
  events: {
    '/events': [['GET', 'eventWebsocket', 'Message', [query('app', 'string', true), query('subscribeAll', 'boolean')]]],
  },
};

const CHANNEL = 'Channel';
/** Event models: ari-client looks each event's type up here to wrap its channel, bridge … */
const EVENTS: Record<string, Record<string, string>> = {
  StasisStart: { args: 'List[string]', channel: CHANNEL, replace_channel: CHANNEL },
  StasisEnd: { channel: CHANNEL },
  ChannelStateChange: { channel: CHANNEL },
  ChannelVarset: { variable: 'string', value: 'string', channel: CHANNEL },
  ChannelDialplan: { channel: CHANNEL, dialplan_app: 'string', dialplan_app_data: 'string' },
  ChannelHangupRequest: { cause: 'int', soft: 'boolean', channel: CHANNEL },
  ChannelDestroyed: { cause: 'int', cause_txt: 'string', channel: CHANNEL },
  ChannelDtmfReceived: { digit: 'string', duration_ms: 'int', channel: CHANNEL },
  Dial: { caller: CHANNEL, peer: CHANNEL, forward: 'string', forwarded: CHANNEL, dialstring: 'string', dialstatus: 'string' },
  PlaybackStarted: { playback: 'Playback' },
  PlaybackFinished: { playback: 'Playback' },
  ChannelEnteredBridge: { bridge: 'Bridge', channel: CHANNEL },
  ChannelLeftBridge: { bridge: 'Bridge', channel: CHANNEL },
  BridgeDestroyed: { bridge: 'Bridge' },
};

const model = (id: string, properties: Record<string, string>) => ({
  id,
  properties: Object.fromEntries(Object.entries(properties).map(([name, type]) => [name, { type }])),
});

const BASE_MODELS = {
  Channel: model('Channel', { id: 'string', name: 'string', state: 'string', caller: 'CallerID', connected: 'CallerID', accountcode: 'string', dialplan: 'DialplanCEP', creationtime: 'Date', language: 'string' }),
  Bridge: model('Bridge', { id: 'string', technology: 'string', bridge_type: 'string', bridge_class: 'string', creator: 'string', name: 'string', channels: 'List[string]', creationtime: 'Date' }),
  Playback: model('Playback', { id: 'string', media_uri: 'string', target_uri: 'string', language: 'string', state: 'string' }),
  Message: model('Message', { type: 'string', asterisk_id: 'string' }),
};

export function resourceList(basePath: string) {
  return {
    apiVersion: '2.0.0',
    swaggerVersion: '1.2',
    basePath,
    apis: Object.keys(RESOURCES).map((name) => ({ path: `/api-docs/${name}.{format}`, description: name })),
  };
}

export function resourceDocument(name: string, basePath: string) {
  const resource = RESOURCES[name];
  if (!resource) return null;
  const models = name === 'events'
    ? { ...BASE_MODELS, ...Object.fromEntries(Object.entries(EVENTS).map(([type, props]) => [type, model(type, { type: 'string', timestamp: 'Date', ...props })])) }
    : BASE_MODELS;
  return {
    apiVersion: '2.0.0',
    swaggerVersion: '1.2',
    basePath,
    resourcePath: `/api-docs/${name}.{format}`,
    apis: Object.entries(resource).map(([apiPath, operations]) => ({
      path: apiPath,
      operations: operations.map(([httpMethod, nickname, responseClass, params = []]) => ({
        httpMethod,
        nickname,
        responseClass,
        parameters: params.map(([paramName, paramType, dataType, required = false]) => ({ name: paramName, paramType, dataType, required, allowMultiple: false })),
      })),
    })),
    models,
  };
}
