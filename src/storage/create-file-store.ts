import { createLocalFileStore } from './local-file-store';
import type { FileStore } from './file-store';

export interface FileStoreSettings {
  kind: 'local' | 's3';
  directory: string;
}

/**
 * The configured store. S3-compatible storage is the documented production option
 * (docs/architecture.md) but not built yet: choosing it fails the start with a clear message
 * rather than pretending to store files.
 */
export function createFileStore(settings: FileStoreSettings): FileStore {
  if (settings.kind === 's3') {
    throw new Error('RECORDING_STORE=s3 is not available in this version: use RECORDING_STORE=local with RECORDING_DIR (on a shared volume when API and workers run apart).');
  }
  return createLocalFileStore(settings.directory);
}
