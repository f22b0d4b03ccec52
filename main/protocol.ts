/**
 * The app:// of Reckon: the UI is served from `reckon://app/…` instead of file://,
 * so it has a real origin (the IPC sender check relies on it), no access to other
 * local files, and every response carries the CSP (Electron security checklist
 * items 7 and 18).
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { protocol, type CustomScheme, type Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from './csp';

export const APP_SCHEME = 'reckon';
export const APP_HOST = 'app';
/** The one origin our pages (and so our IPC senders) have. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * standard: relative URLs and a real origin; secure: treated like https (no mixed
 * content warnings, secure-context APIs); supportFetchAPI: the UI may fetch its own
 * files. Nothing else (no CORS, no service workers, no CSP bypass).
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** Must run before the app's 'ready' event (Electron refuses it afterwards). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** Whether a URL belongs to our app origin (reckon://app). Anything unparsable is not. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * The MIME types of what electron-vite emits into out/renderer. Served files are
 * our own build output, so a short table is the whole truth; anything else is sent
 * as an opaque download type, which together with nosniff is never executed.
 */
const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers on every response of the app protocol, errors included. */
export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

/**
 * Map a reckon://app URL to a file inside `rootDir`, or null when the URL is not
 * ours or would leave the folder (`..`, encoded slashes or backslashes, absolute
 * paths, NUL bytes). `/` means index.html.
 */
export function resolveAppPath(rootDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    // The URL parser already folds plain and %2e-encoded dot segments; decoding can
    // still produce `..` from %2f / %5c, which the confinement check below refuses.
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  if (pathname === '' || pathname.endsWith('/')) pathname += 'index.html';
  const root = resolve(rootDir);
  const target = resolve(root, `.${pathname.startsWith('/') ? '' : '/'}${pathname}`);
  const rel = relative(root, target);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  // On POSIX a backslash is a file-name character, but no file we build contains one;
  // refusing it keeps the rule the same on every platform.
  if (rel.includes('\\') && sep === '/') return null;
  return target;
}

function textResponse(status: number, message: string, method: string): Response {
  return new Response(method === 'HEAD' ? null : message, {
    status,
    headers: securityHeaders('text/plain; charset=utf-8'),
  });
}

/** Answer one request to the app protocol from the files in `rootDir`. */
export async function serveAppRequest(rootDir: string, request: Request): Promise<Response> {
  const method = request.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return textResponse(405, 'Method not allowed', method);
  const path = resolveAppPath(rootDir, request.url);
  if (!path) return textResponse(404, 'Not found', method);
  // A symbolic link in the folder is followed only to a file that is really inside it.
  const [realRoot, real] = await Promise.all([realpath(rootDir).catch(() => null), realpath(path).catch(() => null)]);
  const rel = realRoot && real ? relative(realRoot, real) : '..';
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return textResponse(404, 'Not found', method);
  const info = await stat(real!).catch(() => null);
  if (!info?.isFile()) return textResponse(404, 'Not found', method);
  const body = method === 'HEAD' ? null : await readFile(real!).catch(() => null);
  if (method !== 'HEAD' && !body) return textResponse(404, 'Not found', method);
  return new Response(body, { status: 200, headers: securityHeaders(mimeTypeFor(path)) });
}

/** Serve the built renderer on reckon://app for a session (after app ready). */
export function handleAppProtocol(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request));
}
