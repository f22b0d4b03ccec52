/**
 * Serving the built renderer (out/renderer), shared by the reckon:// protocol and the
 * browser-mode server: the MIME types, the security headers every response carries,
 * and the confinement of a request path to the folder, first by its path and then by
 * its real path, so neither `..` nor a symbolic link leads outside.
 */
import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './csp';

/**
 * The MIME types of what electron-vite emits. Served files are our own build output,
 * so a short table is the whole truth; anything else is sent as an opaque download
 * type, which together with nosniff is never executed.
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

/** Headers on every response of the UI, errors included. */
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

const isOutside = (rel: string): boolean => rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);

/**
 * The file a URL path names inside `rootDir`, by path alone; null when it would leave
 * the folder (`..`, encoded slashes or backslashes, NUL bytes) or cannot be decoded.
 * `/` and a trailing slash mean index.html.
 */
export function confinedPath(rootDir: string, urlPathname: string): string | null {
  let pathname: string;
  try {
    // Decoding can produce `..` from %2f / %5c: the confinement check below refuses it.
    pathname = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  if (pathname === '' || pathname.endsWith('/')) pathname += 'index.html';
  const root = resolve(rootDir);
  const target = resolve(root, `.${pathname.startsWith('/') ? '' : '/'}${pathname}`);
  const rel = relative(root, target);
  if (isOutside(rel)) return null;
  // On POSIX a backslash is a file-name character, but no file we build contains one;
  // refusing it keeps the rule the same on every platform.
  if (rel.includes('\\') && sep === '/') return null;
  return target;
}

/** The regular file a URL path names inside `rootDir`, following symbolic links only to inside it. */
export async function findStaticFile(rootDir: string, urlPathname: string): Promise<{ path: string; size: number } | null> {
  const path = confinedPath(rootDir, urlPathname);
  if (!path) return null;
  const [realRoot, real] = await Promise.all([realpath(rootDir).catch(() => null), realpath(path).catch(() => null)]);
  if (!realRoot || !real || isOutside(relative(realRoot, real))) return null;
  const info = await stat(real).catch(() => null);
  return info?.isFile() ? { path: real, size: info.size } : null;
}
