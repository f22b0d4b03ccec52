import { REPORT_STYLE_HASH } from '../shared/report/html-style';

/**
 * The Content-Security-Policy for Reckon's UI, sent by the app protocol (Electron)
 * and by the browser-mode server alike: only our own scripts, styles and data,
 * nothing from the network, no eval, no framing.
 *
 * The Export dialog previews the HTML report in a sandboxed srcdoc frame, which inherits
 * this policy: the report's one stylesheet is allowed by its hash, and nothing else inline.
 * renderer/index.html repeats the policy in a <meta>, hash included.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'self' '${REPORT_STYLE_HASH}'`,
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
