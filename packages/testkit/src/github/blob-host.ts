import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { redactHeaders } from './http';

export interface BlobRequest {
  method: string;
  path: string;
  /** Whether the request carried an Authorization header. It never should. */
  authorization: boolean;
  headers: Record<string, string>;
  status: number;
}

interface Blob {
  bytes: Buffer;
  contentType: string;
}

/**
 * Stands in for the storage host that artifact and release downloads redirect to (Azure Blob,
 * objects.githubusercontent.com). It is another origin, reached through a signed URL; like Azure it
 * refuses a request that also carries an Authorization header, and it records every request.
 */
export class BlobHost {
  readonly requests: BlobRequest[] = [];
  private readonly server: http.Server;
  private readonly blobs = new Map<string, Blob>();
  private origin = '';

  constructor() {
    this.server = http.createServer((req, res) => this.handle(req, res));
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.origin = `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  get url(): string {
    return this.origin;
  }

  /** A short-lived signed URL that serves these bytes. */
  publish(bytes: Buffer, contentType = 'application/zip'): string {
    const key = randomBytes(12).toString('hex');
    this.blobs.set(key, { bytes, contentType });
    const expires = new Date(Date.now() + 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const signature = randomBytes(24).toString('base64url');
    return `${this.origin}/blobs/${key}?sv=2023-11-03&spr=https&se=${encodeURIComponent(expires)}&sr=b&sp=r&sig=${signature}`;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', this.origin);
    const authorization = req.headers.authorization !== undefined;
    const key = url.pathname.startsWith('/blobs/') ? url.pathname.slice('/blobs/'.length) : '';
    const blob = this.blobs.get(key);
    let status: number;
    if (authorization) {
      status = 400;
      res.writeHead(status, { 'content-type': 'application/xml' });
      res.end(
        '<?xml version="1.0" encoding="utf-8"?><Error><Code>InvalidAuthenticationInfo</Code>' +
          '<Message>Authentication information is not given in the correct format. Check the value of Authorization header.</Message></Error>',
      );
    } else if (!blob || !url.searchParams.has('sig') || req.method !== 'GET') {
      status = 404;
      res.writeHead(status, { 'content-type': 'application/xml' });
      res.end(
        '<?xml version="1.0" encoding="utf-8"?><Error><Code>BlobNotFound</Code><Message>The specified blob does not exist.</Message></Error>',
      );
    } else {
      status = 200;
      res.writeHead(status, {
        'content-type': blob.contentType,
        'content-length': String(blob.bytes.length),
      });
      res.end(blob.bytes);
    }
    this.requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      authorization,
      headers: redactHeaders(req.headers),
      status,
    });
  }
}
