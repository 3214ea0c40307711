/**
 * Swagger models. ari-client reads the `events` models on every frame: it finds the model named by
 * the event's `type` (and fails on a type it has no model for) and wraps each property typed
 * Channel, Bridge, Playback or LiveRecording as an object with methods. So every event the
 * simulator sends has a model here.
 */
type Properties = Record<string, string>;

export interface SwaggerModel {
  id: string;
  properties: Record<string, { type: string }>;
}

const model = (id: string, properties: Properties): SwaggerModel => ({
  id,
  properties: Object.fromEntries(Object.entries(properties).map(([name, type]) => [name, { type }])),
});

const OBJECTS: Readonly<Record<string, Properties>> = {
  CallerID: { name: 'string', number: 'string' },
  DialplanCEP: { context: 'string', exten: 'string', priority: 'long', app_name: 'string', app_data: 'string' },
  Channel: {
    id: 'string',
    name: 'string',
    state: 'string',
    protocol_id: 'string',
    caller: 'CallerID',
    connected: 'CallerID',
    accountcode: 'string',
    dialplan: 'DialplanCEP',
    creationtime: 'Date',
    language: 'string',
  },
  Bridge: {
    id: 'string',
    technology: 'string',
    bridge_type: 'string',
    bridge_class: 'string',
    creator: 'string',
    name: 'string',
    channels: 'List[string]',
    creationtime: 'Date',
    video_mode: 'string',
  },
  Playback: { id: 'string', media_uri: 'string', target_uri: 'string', language: 'string', state: 'string' },
  LiveRecording: { name: 'string', format: 'string', target_uri: 'string', state: 'string', duration: 'int', cause: 'string' },
  StoredRecording: { name: 'string', format: 'string' },
  Variable: { value: 'string' },
  Application: { name: 'string', channel_ids: 'List[string]', bridge_ids: 'List[string]', endpoint_ids: 'List[string]', device_names: 'List[string]' },
  AsteriskInfo: { build: 'BuildInfo', system: 'SystemInfo', config: 'ConfigInfo', status: 'StatusInfo' },
  AsteriskPing: { asterisk_id: 'string', ping: 'string', timestamp: 'string' },
  Message: { type: 'string', asterisk_id: 'string' },
};

export const OBJECT_MODELS: Readonly<Record<string, SwaggerModel>> = Object.fromEntries(
  Object.entries(OBJECTS).map(([id, properties]) => [id, model(id, properties)]),
);

const EVENT_BASE: Properties = { type: 'string', asterisk_id: 'string', application: 'string', timestamp: 'Date' };
const CHANNEL: Properties = { channel: 'Channel' };
const BRIDGE_CHANNEL: Properties = { bridge: 'Bridge', channel: 'Channel' };
const PLAYBACK: Properties = { playback: 'Playback' };
const RECORDING: Properties = { recording: 'LiveRecording' };

const EVENTS: Readonly<Record<string, Properties>> = {
  ApplicationReplaced: {},
  BridgeCreated: { bridge: 'Bridge' },
  BridgeDestroyed: { bridge: 'Bridge' },
  ChannelCallerId: { caller_presentation: 'int', caller_presentation_txt: 'string', ...CHANNEL },
  ChannelConnectedLine: CHANNEL,
  ChannelCreated: CHANNEL,
  ChannelDestroyed: { cause: 'int', cause_txt: 'string', ...CHANNEL },
  ChannelDialplan: { ...CHANNEL, dialplan_app: 'string', dialplan_app_data: 'string' },
  ChannelDtmfReceived: { digit: 'string', duration_ms: 'int', ...CHANNEL },
  ChannelEnteredBridge: BRIDGE_CHANNEL,
  ChannelHangupRequest: { cause: 'int', soft: 'boolean', ...CHANNEL },
  ChannelHold: { ...CHANNEL, musicclass: 'string' },
  ChannelLeftBridge: BRIDGE_CHANNEL,
  ChannelStateChange: CHANNEL,
  ChannelUnhold: CHANNEL,
  ChannelVarset: { variable: 'string', value: 'string', ...CHANNEL },
  Dial: { caller: 'Channel', peer: 'Channel', forward: 'string', forwarded: 'Channel', dialstring: 'string', dialstatus: 'string' },
  PlaybackContinuing: PLAYBACK,
  PlaybackFinished: PLAYBACK,
  PlaybackStarted: PLAYBACK,
  RecordingFailed: RECORDING,
  RecordingFinished: RECORDING,
  RecordingStarted: RECORDING,
  StasisEnd: CHANNEL,
  StasisStart: { args: 'List[string]', ...CHANNEL, replace_channel: 'Channel' },
};

export const EVENT_MODELS: Readonly<Record<string, SwaggerModel>> = Object.fromEntries(
  Object.entries(EVENTS).map(([type, properties]) => [type, model(type, { ...EVENT_BASE, ...properties })]),
);
