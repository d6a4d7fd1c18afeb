import http from 'node:http';
import https from 'node:https';
import { pipeline, Readable } from 'node:stream';

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

function responseHeaders(raw: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

/**
 * A `fetch` for requests whose body is a Node stream (a release upload), given to Octokit as
 * `request.fetch`. Node's own fetch reads a streamed body as fast as the disk gives it, whatever the
 * socket takes, so a large upload ends up in memory; node:http's pipe waits for the socket. Only what
 * Octokit uses: method, headers, a body, an abort signal; no redirects (uploads get none). The answer
 * is read whole.
 */
export function streamFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const transport = url.protocol === 'https:' ? https : http;
  const signal = init.signal ?? undefined;
  return new Promise<Response>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const request = transport.request(url, {
      method: init.method ?? 'GET',
      headers: init.headers as Record<string, string>,
    });
    const abort = () =>
      request.destroy(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
    signal?.addEventListener('abort', abort, { once: true });
    request.on('error', (error) => {
      signal?.removeEventListener('abort', abort);
      reject(error);
    });
    // The answer of an upload is a small JSON document: read whole, it needs no stream API.
    request.on('response', (message) => {
      const chunks: Buffer[] = [];
      message.on('data', (chunk: Buffer) => chunks.push(chunk));
      message.on('error', reject);
      message.on('end', () => {
        signal?.removeEventListener('abort', abort);
        const status = message.statusCode ?? 500;
        const body = NULL_BODY_STATUSES.has(status) ? null : Buffer.concat(chunks);
        resolve(
          new Response(body, {
            status,
            statusText: message.statusMessage,
            headers: responseHeaders(message.headers),
          }),
        );
      });
    });
    const body = init.body as unknown;
    if (body instanceof Readable) {
      pipeline(body, request, (error) => {
        if (error) request.destroy(error);
      });
    } else {
      request.end(body === undefined || body === null ? undefined : (body as string | Buffer));
    }
  });
}
