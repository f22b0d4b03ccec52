import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { dispatch, type Api, type EventName, type EventPayload } from '../../shared/api';
import { findStaticFile, mimeTypeFor, securityHeaders } from '../static-files';

/**
 * Browser mode: the same contract as the Electron IPC, over HTTP on 127.0.0.1.
 * Every request must carry the per-run token: the printed URL has it as ?token=,
 * which the server swaps for an HttpOnly SameSite=Strict cookie; scripts and tools
 * may send `Authorization: Bearer <token>` instead. The Host header must name this
 * server (defeats DNS rebinding); calls must be JSON POSTs from our own origin.
 */
export interface ServerOptions {
  api: Api;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; random otherwise. */
  token?: string;
}

export interface RunningServer {
  /** The URL to open, token included. */
  url: string;
  origin: string;
  port: number;
  token: string;
  /** Send an event to every connected page (server-sent events). */
  emit<K extends EventName>(name: K, payload: EventPayload<K>): void;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
/** Cookies are shared by every port of a host: the port in the name keeps two running servers from overwriting each other's. */
const cookieName = (port: number): string => `reckon_token_${port}`;
const MAX_BODY_BYTES = 1024 * 1024;
const HEARTBEAT_MS = 15_000;

const TEXT = 'text/plain; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererDir = resolve(options.rendererDir);
  // Served files must really be inside the renderer folder: a symbolic link in it is followed only to inside.
  const streams = new Set<ServerResponse>();
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: String(err) } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const allowedHosts = [`${HOST}:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) return sendText(res, 421, 'Misdirected request');
    const url = new URL(req.url ?? '/', `http://${HOST}:${port}`);

    const queryToken = url.searchParams.get('token');
    if (queryToken !== null && req.method === 'GET') {
      if (!sameSecret(queryToken, token)) return sendText(res, 401, 'Wrong token: open the URL Reckon printed.');
      url.searchParams.delete('token');
      res.writeHead(303, {
        ...securityHeaders(TEXT),
        'Set-Cookie': `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname + (url.search || ''),
      });
      return void res.end();
    }
    if (!sameSecret(presentedToken(req, cookieName(port)), token)) {
      return sendText(res, 401, 'Reckon browser mode needs its token: open the URL it printed when it started.');
    }

    if (url.pathname.startsWith('/api/call/')) {
      if (req.method !== 'POST') return sendText(res, 405, 'Calls are POST requests');
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://${HOST}:${port}` && origin !== `http://localhost:${port}`) {
        return sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: `origin ${origin} refused` } });
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendJson(res, 415, { ok: false, error: { code: 'invalid-args', message: 'Content-Type must be application/json' } });
      }
      // Call names are plain ASCII: no decoding (a malformed %-escape would otherwise throw).
      const name = url.pathname.slice('/api/call/'.length);
      let args: unknown;
      try {
        const body = await readBody(req);
        args = body.length ? JSON.parse(body) : {};
      } catch (err) {
        const tooLarge = err instanceof BodyTooLarge;
        // Answer before dropping the connection, so the page can say what went wrong.
        if (tooLarge) res.setHeader('Connection', 'close');
        return sendJson(res, tooLarge ? 413 : 400, { ok: false, error: { code: 'invalid-args', message: `bad request body: ${(err as Error).message}` } });
      }
      return sendJson(res, 200, await dispatch(options.api, name, args));
    }

    if (url.pathname === '/api/events') {
      if (req.method !== 'GET') return sendText(res, 405, 'Events are a GET stream');
      res.writeHead(200, { ...securityHeaders('text/event-stream'), Connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
      req.on('close', () => {
        clearInterval(heartbeat);
        streams.delete(res);
      });
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed');
    return serveStatic(url.pathname, req, res);
  }

  async function serveStatic(pathname: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const file = await findStaticFile(rendererDir, pathname);
    if (!file) return sendText(res, 404, 'Not found');
    res.writeHead(200, { ...securityHeaders(mimeTypeFor(file.path)), 'Content-Length': file.size });
    if (req.method === 'HEAD') return void res.end();
    // The file may vanish or be unreadable after the stat (a rebuild of out/renderer):
    // that ends this response, never the server.
    await pipeline(createReadStream(file.path), res).catch(() => res.destroy());
  }

  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, HOST, () => ready());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${HOST}:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    emit(name, payload) {
      const message = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const stream of streams) stream.write(message);
    },
    async close() {
      for (const stream of streams) stream.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

function presentedToken(req: IncomingMessage, cookie: string): string {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length).trim();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === cookie) return value.join('=');
  }
  return '';
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is discarded, not kept; the 413 reply closes the connection.
      if (size > MAX_BODY_BYTES) fail(new BodyTooLarge(`body over ${MAX_BODY_BYTES} bytes`));
      else chunks.push(chunk);
    });
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...securityHeaders(JSON_TYPE), 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, securityHeaders(TEXT));
  res.end(text + '\n');
}

/** The renderer build next to the resources folder: <package>/out/renderer. */
export const rendererDirFor = (resourcesDir: string): string => join(resourcesDir, '..', 'out', 'renderer');
