/**
 * The Content-Security-Policy for Reckon's UI, sent by the app protocol (Electron)
 * and by the browser-mode server alike: only our own scripts, styles and data,
 * nothing from the network, no eval, no framing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
