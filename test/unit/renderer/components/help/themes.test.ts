/**
 * renderer/src/styles/themes.css: light and dark palettes and the colours of claims,
 * relations and verdicts, checked for WCAG 2 AA contrast by reading the stylesheet itself.
 * (It lives here because this folder is the theme author's; it mirrors styles/themes.css.)
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_VERDICT_SCALE } from '../../../../../shared/domain/annotation';
import { ClaimKind } from '../../../../../shared/domain/claim';
import { RelationKind } from '../../../../../shared/domain/crosscheck';

// Vitest hands CSS imports (even `?raw`) to its CSS pipeline, which this project turns off, so
// read the files from disk. The renderer's type checking has no Node types: import fs untyped.
const fs: { readFileSync(path: string, encoding: 'utf8'): string } = await import(/* @vite-ignore */ 'node:fs' as string);
// Through a variable: Vite rewrites `new URL(…, import.meta.url)` as an asset import. And a
// path string, as jsdom's URL is not one Node's fs takes.
const testFile = import.meta.url;
const read = (path: string) => fs.readFileSync(decodeURIComponent(new URL(`../../../../../${path}`, testFile).pathname), 'utf8');
const baseCss = read('renderer/src/styles/base.css');
const themesCss = read('renderer/src/styles/themes.css');
const tableCss = read('renderer/src/components/table/claimsTable.css');
const chartCss = read('renderer/src/components/charts/timelineChart.css');
const helpCss = read('renderer/src/components/help/helpOverlay.css');

interface Rule {
  selectors: string[];
  media: string | null;
  declarations: Record<string, string>;
}

/** The rules of a stylesheet, one level of @media deep: enough for these files. */
function parseRules(css: string, media: string | null = null): Rule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: Rule[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open === -1) break;
    const prelude = text.slice(i, open).trim();
    let depth = 1;
    let close = open + 1;
    for (; close < text.length && depth > 0; close++) {
      if (text[close] === '{') depth++;
      else if (text[close] === '}') depth--;
    }
    const body = text.slice(open + 1, close - 1);
    if (prelude.startsWith('@media')) {
      rules.push(...parseRules(body, prelude.slice('@media'.length).trim()));
    } else {
      const declarations: Record<string, string> = {};
      for (const match of body.matchAll(/([\w-]+)\s*:\s*([^;]+);?/g)) declarations[match[1]!] = match[2]!.trim();
      rules.push({ selectors: prelude.split(',').map((s) => s.trim().replace(/"/g, "'")), media, declarations });
    }
    i = close;
  }
  return rules;
}

const customProperties = (rule: Rule) =>
  Object.fromEntries(Object.entries(rule.declarations).filter(([name]) => name.startsWith('--')));

const baseRules = parseRules(baseCss);
const themeRules = parseRules(themesCss);
const ruleFor = (selector: string, media: string | null = null) => {
  const found = themeRules.filter((r) => r.media === media && r.selectors.includes(selector) && Object.keys(customProperties(r)).length > 0);
  expect(found, `one rule with custom properties for ${selector}`).toHaveLength(1);
  return found[0]!;
};

const baseVars = customProperties(baseRules.find((r) => r.selectors.includes(':root'))!);
const lightRule = ruleFor(":root[data-theme='light']");
const darkRule = ruleFor(":root[data-theme='dark']");
const systemDarkRule = ruleFor(':root:not([data-theme])', '(prefers-color-scheme: dark)');

// The cascade, as the browser applies it: base.css :root, then the plain :root (also the light
// block), then the more specific dark block.
const light = { ...baseVars, ...customProperties(lightRule) };
const dark = { ...light, ...customProperties(darkRule) };
const systemDark = { ...light, ...customProperties(systemDarkRule) };

type Palette = Record<string, string>;

function resolve(palette: Palette, name: string): string {
  let value = palette[name];
  for (let hops = 0; value?.startsWith('var('); hops++) {
    if (hops > 10) throw new Error(`var() cycle at ${name}`);
    value = palette[value.slice(4, -1).trim()];
  }
  if (value === undefined) throw new Error(`${name} is not defined`);
  return value;
}

/** WCAG 2 relative luminance of a #rgb / #rrggbb colour. */
function luminance(hex: string): number {
  const digits = hex.slice(1);
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  expect(full, hex).toMatch(/^[0-9a-f]{6}$/i);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const TEXT = 4.5; // AA, normal text
const UI = 3; // AA, focus rings, markers and borders (WCAG 1.4.11)

const kinds = ClaimKind.options.map((k) => `--claim-${k}`);
const relations = RelationKind.options.map((r) => `--rel-${r}`);
const verdicts = DEFAULT_VERDICT_SCALE.map((v) => `--verdict-${v.id}`);
const tinted = [...kinds, ...relations, ...verdicts];

/** Every pair the components draw: [foreground, background, minimum ratio]. */
function pairs(): Array<[string, string, number]> {
  const list: Array<[string, string, number]> = [];
  for (const bg of ['--bg', '--surface', '--paper', '--selected', '--accent-soft']) {
    for (const fg of ['--ink', '--ink-2', '--ink-3']) list.push([fg, bg, TEXT]);
    list.push(['--focus-ring', bg, UI]);
  }
  list.push(
    ['--on-accent', '--accent', TEXT],
    ['--on-accent', '--accent-hover', TEXT],
    ['--hit-ink', '--hit', TEXT],
    ['--hit-ink', '--hit-active', TEXT],
    ['--danger', '--danger-soft', TEXT],
    ['--notice', '--notice-soft', TEXT],
    ['--danger', '--paper', TEXT],
    ['--rel-differs', '--selected', TEXT], // the claims table's discrepancy mark on the active row
    ['--rel-differs', '--accent-soft', TEXT], // … and on a hovered row
    ['--accent', '--paper', UI], // the current point's diamond
    ['--ink-2', '--paper', UI], // hollow markers
  );
  for (const name of tinted) {
    list.push([name, '--paper', TEXT], [name, '--surface', TEXT], [name, `${name}-bg`, TEXT], ['--ink', `${name}-bg`, TEXT]);
  }
  return list;
}

describe('contrast()', () => {
  it('computes WCAG ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#fff', '#fff')).toBeCloseTo(1, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

describe('themes.css', () => {
  it('defines every claim kind, relation and verdict colour with its tint, and the focus ring', () => {
    for (const palette of [light, dark]) {
      for (const name of tinted) {
        expect(resolve(palette, name)).toMatch(/^#[0-9a-f]{6}$/i);
        expect(resolve(palette, `${name}-bg`)).toMatch(/^#[0-9a-f]{6}$/i);
      }
      expect(resolve(palette, '--focus-ring')).toMatch(/^#[0-9a-f]{6}$/i);
      expect(resolve(palette, '--focus')).toBe(resolve(palette, '--focus-ring'));
    }
  });

  it('the dark theme overrides every colour, and follows the system with the same values', () => {
    // The light colours also sit on plain :root, so they apply before a theme is chosen.
    expect(lightRule.selectors).toContain(':root');
    const colours = Object.keys(light).filter((name) => /^(#|var\()/.test(light[name]!));
    expect(colours.length).toBeGreaterThan(50);
    for (const name of colours) expect(Object.keys(customProperties(darkRule)), name).toContain(name);
    expect(systemDarkRule.declarations).toEqual(darkRule.declarations);
    expect(darkRule.declarations['color-scheme']).toBe('dark');
    expect(themeRules.find((r) => r.selectors.includes(":root[data-theme='light']") && r.declarations['color-scheme'])!.declarations['color-scheme']).toBe('light');
  });

  for (const [name, palette] of [
    ['light', light],
    ['dark', dark],
    ['system dark', systemDark],
  ] as const) {
    it(`meets WCAG AA contrast in the ${name} theme`, () => {
      const failures: string[] = [];
      const report: string[] = [];
      for (const [fg, bg, min] of pairs()) {
        const ratio = contrast(resolve(palette, fg), resolve(palette, bg));
        report.push(`${fg} on ${bg}: ${ratio.toFixed(2)}`);
        if (ratio < min) failures.push(`${fg} on ${bg}: ${ratio.toFixed(2)} < ${min}`);
      }
      expect(failures).toEqual([]);
      expect(report.length).toBe(pairs().length);
    });
  }

  it('the light and dark palettes differ where they must', () => {
    expect(contrast(resolve(light, '--paper'), resolve(dark, '--paper'))).toBeGreaterThan(10);
    expect(luminance(resolve(dark, '--ink'))).toBeGreaterThan(luminance(resolve(dark, '--paper')));
  });

  it('the components only use variables that are defined', () => {
    for (const css of [tableCss, chartCss, helpCss, themesCss]) {
      // The theme's variables, and any the stylesheet declares for itself.
      const defined = new Set([...Object.keys(dark), ...parseRules(css).flatMap((r) => Object.keys(customProperties(r)))]);
      const used = [...css.matchAll(/var\((--[\w-]+)/g)].map((m) => m[1]!);
      expect(used.length).toBeGreaterThan(0);
      for (const name of used) expect(defined, name).toContain(name);
    }
  });
});
