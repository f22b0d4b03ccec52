import { describe, expect, it } from 'vitest';
import indexHtml from '../../../../../renderer/index.html?raw';
import { CONTENT_SECURITY_POLICY } from '../../../../../main/csp';
import { REPORT_STYLE_HASH } from '../../../../../shared/report/html-style';

const styleSrc = (policy: string) => policy.split(';').map((directive) => directive.trim()).find((directive) => directive.startsWith('style-src '));

/**
 * The preview frame (srcdoc) inherits every policy of the page: the header's (main/csp.ts) and
 * the <meta> in index.html. Both must allow the report's stylesheet, and nothing else inline.
 */
describe('the policies the report preview inherits', () => {
  const metaPolicy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(indexHtml)?.[1] ?? '';

  it('allow the report stylesheet by its hash, in the header and in index.html alike', () => {
    expect(styleSrc(CONTENT_SECURITY_POLICY)).toBe(`style-src 'self' '${REPORT_STYLE_HASH}'`);
    // When the report's stylesheet changes, its hash changes: copy REPORT_STYLE_HASH into index.html's <meta>.
    expect(styleSrc(metaPolicy), 'the style-src of the <meta> policy in renderer/index.html').toBe(styleSrc(CONTENT_SECURITY_POLICY));
  });

  it('allow no inline style or script otherwise', () => {
    for (const policy of [CONTENT_SECURITY_POLICY, metaPolicy]) {
      expect(policy).not.toContain('unsafe-inline');
      expect(policy).toContain("script-src 'self';");
    }
  });
});
