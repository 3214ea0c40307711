import { createLocalFileStore } from './local-file-store';
import type { FileStore } from './file-store';
import { createS3FileStore, type S3Settings } from './s3-file-store';

export interface FileStoreSettings {
  kind: 'local' | 's3';
  directory: string;
  /** Required when kind is s3 (the configuration checks it). */
  s3?: S3Settings | undefined;
}

/** The configured store: a local directory by default, an S3-compatible bucket in production. */
export function createFileStore(settings: FileStoreSettings): FileStore {
  if (settings.kind === 's3') {
    if (!settings.s3) throw new Error('RECORDING_STORE=s3 needs RECORDING_S3_ENDPOINT, _BUCKET, _ACCESS_KEY_ID and _SECRET_ACCESS_KEY');
    return createS3FileStore(settings.s3);
  }
  return createLocalFileStore(settings.directory);
}
