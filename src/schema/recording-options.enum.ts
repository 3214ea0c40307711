import { registerEnumType } from 'type-graphql';

export enum RecordingStatusEnum {
  INITIATING = 'initiating',
  RECORDING = 'recording',
  STOPPING = 'stopping',
  ENDED = 'ended',
}

export enum RecordingFormatEnum {
  WAV = 'wav',
  MP3 = 'mp3',
  OGG = 'ogg',
}

export enum RecordingDirectionEnum {
  IN = 'in',
  OUT = 'out',
  BOTH = 'both',
}

export enum RecordingChannelsEnum {
  MIXED = 'mixed',
  STEREO = 'stereo',
}

registerEnumType(RecordingStatusEnum, { name: 'RecordingStatus', description: 'Moves forward only: INITIATING → RECORDING → STOPPING → ENDED (the file is stored).' });
registerEnumType(RecordingFormatEnum, { name: 'RecordingFormat' });
registerEnumType(RecordingDirectionEnum, { name: 'RecordingDirection', description: 'IN: what the far end says; OUT: what it hears; BOTH.' });
registerEnumType(RecordingChannelsEnum, { name: 'RecordingChannels', description: 'MIXED: one channel; STEREO: in on the left, out on the right.' });
