/**
 * The ARI operations the simulator serves, resource by resource, written from Asterisk's
 * rest-api/api-docs: ari-client builds its methods from these (nickname → method, and it only
 * sends the parameters listed here), so names and parameters are Asterisk's own.
 */
export interface SwaggerParam {
  name: string;
  paramType: 'path' | 'query' | 'body';
  dataType: string;
  required: boolean;
  allowMultiple: boolean;
}

export interface SwaggerOperation {
  httpMethod: 'GET' | 'POST' | 'DELETE';
  nickname: string;
  responseClass: string;
  parameters: SwaggerParam[];
}

const path = (name: string): SwaggerParam => ({ name, paramType: 'path', dataType: 'string', required: true, allowMultiple: false });
const query = (name: string, dataType = 'string', required = false): SwaggerParam => ({ name, paramType: 'query', dataType, required, allowMultiple: false });
const body = (name: string): SwaggerParam => ({ name, paramType: 'body', dataType: 'containers', required: false, allowMultiple: false });
const op = (httpMethod: SwaggerOperation['httpMethod'], nickname: string, responseClass: string, parameters: SwaggerParam[] = []): SwaggerOperation => ({
  httpMethod,
  nickname,
  responseClass,
  parameters,
});

const channelId = path('channelId');
const bridgeId = path('bridgeId');
const originateParams = [
  query('endpoint', 'string', true),
  query('app'),
  query('appArgs'),
  query('callerId'),
  query('timeout', 'int'),
  body('variables'),
  query('otherChannelId'),
  query('originator'),
  query('formats'),
];
const playParams = [query('media', 'string', true), query('lang'), query('offsetms', 'int'), query('skipms', 'int')];
const recordParams = [
  query('name', 'string', true),
  query('format', 'string', true),
  query('maxDurationSeconds', 'int'),
  query('maxSilenceSeconds', 'int'),
  query('ifExists'),
  query('beep', 'boolean'),
  query('terminateOn'),
];
const snoopParams = [query('spy'), query('whisper'), query('app', 'string', true), query('appArgs')];
const direction = [channelId, query('direction')];

export const OPERATIONS: Readonly<Record<string, Readonly<Record<string, SwaggerOperation[]>>>> = {
  asterisk: {
    '/asterisk/info': [op('GET', 'getInfo', 'AsteriskInfo', [query('only')])],
    '/asterisk/ping': [op('GET', 'ping', 'AsteriskPing')],
  },
  applications: {
    '/applications': [op('GET', 'list', 'List[Application]')],
    '/applications/{applicationName}': [op('GET', 'get', 'Application', [path('applicationName')])],
    '/applications/{applicationName}/subscription': [
      op('POST', 'subscribe', 'Application', [path('applicationName'), query('eventSource', 'string', true)]),
      op('DELETE', 'unsubscribe', 'Application', [path('applicationName'), query('eventSource', 'string', true)]),
    ],
  },
  channels: {
    '/channels': [op('GET', 'list', 'List[Channel]'), op('POST', 'originate', 'Channel', [...originateParams, query('channelId')])],
    '/channels/create': [
      op('POST', 'create', 'Channel', [query('endpoint', 'string', true), query('app', 'string', true), query('appArgs'), query('channelId'), query('otherChannelId'), query('originator'), query('formats'), body('variables')]),
    ],
    '/channels/{channelId}': [
      op('GET', 'get', 'Channel', [channelId]),
      op('POST', 'originateWithId', 'Channel', [channelId, ...originateParams]),
      op('DELETE', 'hangup', 'void', [channelId, query('reason_code'), query('reason')]),
    ],
    '/channels/{channelId}/answer': [op('POST', 'answer', 'void', [channelId])],
    '/channels/{channelId}/ring': [op('POST', 'ring', 'void', [channelId]), op('DELETE', 'ringStop', 'void', [channelId])],
    '/channels/{channelId}/dtmf': [
      op('POST', 'sendDTMF', 'void', [channelId, query('dtmf'), query('before', 'int'), query('between', 'int'), query('duration', 'int'), query('after', 'int')]),
    ],
    '/channels/{channelId}/mute': [op('POST', 'mute', 'void', direction), op('DELETE', 'unmute', 'void', direction)],
    '/channels/{channelId}/hold': [op('POST', 'hold', 'void', [channelId]), op('DELETE', 'unhold', 'void', [channelId])],
    '/channels/{channelId}/moh': [op('POST', 'startMoh', 'void', [channelId, query('mohClass')]), op('DELETE', 'stopMoh', 'void', [channelId])],
    '/channels/{channelId}/silence': [op('POST', 'startSilence', 'void', [channelId]), op('DELETE', 'stopSilence', 'void', [channelId])],
    '/channels/{channelId}/play': [op('POST', 'play', 'Playback', [channelId, ...playParams, query('playbackId')])],
    '/channels/{channelId}/play/{playbackId}': [op('POST', 'playWithId', 'Playback', [channelId, path('playbackId'), ...playParams])],
    '/channels/{channelId}/record': [op('POST', 'record', 'LiveRecording', [channelId, ...recordParams])],
    '/channels/{channelId}/variable': [
      op('GET', 'getChannelVar', 'Variable', [channelId, query('variable', 'string', true)]),
      op('POST', 'setChannelVar', 'void', [channelId, query('variable', 'string', true), query('value')]),
    ],
    '/channels/{channelId}/snoop': [op('POST', 'snoopChannel', 'Channel', [channelId, ...snoopParams, query('snoopId')])],
    '/channels/{channelId}/snoop/{snoopId}': [op('POST', 'snoopChannelWithId', 'Channel', [channelId, path('snoopId'), ...snoopParams])],
    '/channels/{channelId}/dial': [op('POST', 'dial', 'void', [channelId, query('caller'), query('timeout', 'int')])],
  },
  bridges: {
    '/bridges': [op('GET', 'list', 'List[Bridge]'), op('POST', 'create', 'Bridge', [query('type'), query('bridgeId'), query('name')])],
    '/bridges/{bridgeId}': [
      op('POST', 'createWithId', 'Bridge', [query('type'), bridgeId, query('name')]),
      op('GET', 'get', 'Bridge', [bridgeId]),
      op('DELETE', 'destroy', 'void', [bridgeId]),
    ],
    '/bridges/{bridgeId}/addChannel': [
      op('POST', 'addChannel', 'void', [bridgeId, query('channel', 'string', true), query('role'), query('absorbDTMF', 'boolean'), query('mute', 'boolean')]),
    ],
    '/bridges/{bridgeId}/removeChannel': [op('POST', 'removeChannel', 'void', [bridgeId, query('channel', 'string', true)])],
    '/bridges/{bridgeId}/moh': [op('POST', 'startMoh', 'void', [bridgeId, query('mohClass')]), op('DELETE', 'stopMoh', 'void', [bridgeId])],
    '/bridges/{bridgeId}/play': [op('POST', 'play', 'Playback', [bridgeId, ...playParams, query('playbackId')])],
    '/bridges/{bridgeId}/play/{playbackId}': [op('POST', 'playWithId', 'Playback', [bridgeId, path('playbackId'), ...playParams])],
    '/bridges/{bridgeId}/record': [op('POST', 'record', 'LiveRecording', [bridgeId, ...recordParams])],
  },
  playbacks: {
    '/playbacks/{playbackId}': [op('GET', 'get', 'Playback', [path('playbackId')]), op('DELETE', 'stop', 'void', [path('playbackId')])],
  },
  recordings: {
    '/recordings/stored': [op('GET', 'listStored', 'List[StoredRecording]')],
    '/recordings/stored/{recordingName}': [
      op('GET', 'getStored', 'StoredRecording', [path('recordingName')]),
      op('DELETE', 'deleteStored', 'void', [path('recordingName')]),
    ],
    '/recordings/stored/{recordingName}/file': [op('GET', 'getStoredFile', 'binary', [path('recordingName')])],
    '/recordings/live/{recordingName}': [
      op('GET', 'getLive', 'LiveRecording', [path('recordingName')]),
      op('DELETE', 'cancel', 'void', [path('recordingName')]),
    ],
    '/recordings/live/{recordingName}/stop': [op('POST', 'stop', 'void', [path('recordingName')])],
  },
  events: {
    '/events': [op('GET', 'eventWebsocket', 'Message', [query('app', 'string', true), query('subscribeAll', 'boolean')])],
  },
};
