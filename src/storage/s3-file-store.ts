import aws4 from 'aws4';
import { assertStorageKey, type FileStore } from './file-store';

/** An S3-compatible bucket (AWS S3, MinIO, Ceph, R2 …), reached with path-style URLs. */
export interface S3Settings {
  /** e.g. `https://s3.eu-west-1.amazonaws.com` or `http://minio:9000`. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

const REQUEST_TIMEOUT_MS = 30_000;

/** Recording files in a bucket: each request signed with AWS Signature V4 (aws4), no SDK. */
export function createS3FileStore(settings: S3Settings): FileStore {
  const base = new URL(settings.endpoint);
  const credentials = { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey };

  async function send(method: 'PUT' | 'GET' | 'DELETE', key: string, body?: Buffer, contentType?: string): Promise<Response> {
    assertStorageKey(key);
    const path = `${base.pathname.replace(/\/+$/, '')}/${encodeURIComponent(settings.bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`;
    const signed = aws4.sign(
      { host: base.host, path, method, service: 's3', region: settings.region, headers: contentType ? { 'content-type': contentType } : {}, ...(body ? { body } : {}) },
      credentials,
    );
    // fetch sets Host and Content-Length itself, to the values that were signed.
    const headers = Object.fromEntries(Object.entries(signed.headers ?? {}).filter(([name]) => !/^(host|content-length)$/i.test(name)).map(([name, value]) => [name, String(value)]));
    const response = await fetch(`${base.protocol}//${base.host}${path}`, { method, headers, ...(body ? { body } : {}), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    if (!response.ok && !(method !== 'PUT' && response.status === 404)) {
      throw new Error(`S3 ${method} ${key} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    }
    return response;
  }

  return {
    async put(key, content, contentType) {
      await (await send('PUT', key, content, contentType)).arrayBuffer();
    },
    async get(key) {
      const response = await send('GET', key);
      if (response.status === 404) return null;
      return Buffer.from(await response.arrayBuffer());
    },
    async delete(key) {
      await (await send('DELETE', key)).arrayBuffer();
    },
  };
}
