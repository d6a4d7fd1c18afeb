import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback stand-in for the KPI edge function: records every post and answers `status`. */
export interface KpiReceiver {
  url: string;
  received: Array<{ headers: http.IncomingHttpHeaders; body: Record<string, unknown> }>;
  close: () => Promise<void>;
}

export async function startKpiReceiver(status = 200): Promise<KpiReceiver> {
  const received: KpiReceiver['received'] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(body) });
      res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/functions/v1/provenance-validate`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
