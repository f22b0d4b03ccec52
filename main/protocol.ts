/**
 * The app:// of Reckon: the UI is served from `reckon://app/…` instead of file://,
 * so it has a real origin (the IPC sender check relies on it), no access to other
 * local files, and every response carries the CSP (Electron security checklist
 * items 7 and 18).
 */
import { readFile } from 'node:fs/promises';
import { protocol, type CustomScheme, type Session } from 'electron';
import { confinedPath, findStaticFile, mimeTypeFor, securityHeaders } from './static-files';

export { mimeTypeFor, securityHeaders } from './static-files';

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
 * Map a reckon://app URL to a file inside `rootDir`, or null when the URL is not
 * ours or would leave the folder.
 */
export function resolveAppPath(rootDir: string, url: string): string | null {
  return isAppUrl(url) ? confinedPath(rootDir, new URL(url).pathname) : null;
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
  if (!isAppUrl(request.url)) return textResponse(404, 'Not found', method);
  const file = await findStaticFile(rootDir, new URL(request.url).pathname);
  if (!file) return textResponse(404, 'Not found', method);
  const body = method === 'HEAD' ? null : await readFile(file.path).catch(() => null);
  if (method !== 'HEAD' && !body) return textResponse(404, 'Not found', method);
  return new Response(body, { status: 200, headers: securityHeaders(mimeTypeFor(file.path)) });
}

/** Serve the built renderer on reckon://app for a session (after app ready). */
export function handleAppProtocol(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request));
}
