/**
 * The Tailwind theme restates KRDS token values (readable CSS, no generator); this test is
 * what keeps them equal to npm krds-uiux: every colour and type size, both modes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const tokens = JSON.parse(readFileSync(require.resolve('krds-uiux/tokens/transformed_tokens.json'), 'utf8'));
const styles = resolve(import.meta.dirname, '../../src/styles');
const theme = readFileSync(resolve(styles, 'theme.css'), 'utf8');
const modes = readFileSync(resolve(styles, 'modes.css'), 'utf8');

function vars(css: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of css.matchAll(/(--[a-z0-9-]+):\s*([^;]+);/g)) map.set(m[1], m[2].trim());
  return map;
}
function block(css: string, selector: string): string {
  const start = css.indexOf(selector);
  expect(start, selector).toBeGreaterThanOrEqual(0);
  return css.slice(start, css.indexOf('}', css.indexOf('{', start)) + 1);
}
/** Resolve a KRDS reference like {primitive.color.light.gray.90}. */
function krds(ref: string): string {
  const m = /^\{(.+)\}$/.exec(ref);
  if (!m) return ref.toLowerCase();
  let node = tokens;
  for (const key of m[1].split('.')) node = node[key];
  return krds(node.value);
}
const themeVars = vars(theme);
function resolveOurs(value: string, scope: Map<string, string>): string {
  const m = /^var\((--[a-z0-9-]+)\)$/.exec(value);
  return m ? resolveOurs(scope.get(m[1]) ?? themeVars.get(m[1])!, scope) : value.toLowerCase();
}
const PALETTES = ['primary', 'secondary', 'gray', 'danger', 'warning', 'success', 'information', 'point', 'graphic'];

describe('KRDS tokens in the Tailwind theme', () => {
  it('maps primitive colours by palette and step', () => {
    let checked = 0;
    for (const [name, value] of themeVars) {
      const m = /^--color-([a-z]+)-(\d+)$/.exec(name);
      if (!m || !PALETTES.includes(m[1])) continue;
      expect(value.toLowerCase(), name).toBe(krds(`{primitive.color.light.${m[1]}.${m[2]}}`));
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('maps semantic colours of the light mode and the high-contrast mode', () => {
    const light = [...themeVars].filter(([n]) => /^--color-(text|surface|border|divider|link|button|background|input|element)-/.test(n));
    const contrast = vars(block(modes, "html[data-krds-mode='high-contrast']"));
    expect(light.length).toBeGreaterThan(40);
    for (const [name] of light) {
      const [, group, rest] = /^--color-([a-z]+)-(.+)$/.exec(name)!;
      expect(resolveOurs(themeVars.get(name)!, themeVars), name).toBe(krds(`{mode-light.color.${group}.${rest}}`));
      // Every semantic colour has its high-contrast value.
      expect(contrast.has(name), `${name} in high contrast`).toBe(true);
      expect(resolveOurs(contrast.get(name)!, contrast), `${name} (high contrast)`).toBe(krds(`{mode-high-contrast.color.${group}.${rest}}`));
    }
  });

  it('uses the KRDS type scale (KRDS rem = 10px, ours = 16px), mobile and PC', () => {
    const size = { lg: 'large', md: 'medium', sm: 'small', xs: 'xsmall', xxs: 'xxsmall', xl: 'xlarge' } as Record<string, string>;
    const px = (krdsRem: string) => `${Number.parseFloat(krdsRem) * 10 / 16}rem`;
    const pc = vars(block(modes, '@media (width >= 64rem)'));
    let checked = 0;
    for (const [name, value] of themeVars) {
      const m = /^--text-(display|heading|body|label)-([a-z]+)$/.exec(name);
      if (!m) continue;
      expect(`${Number.parseFloat(value)}rem`, name).toBe(px(tokens['responsive-mobile']['font-size'][m[1]][size[m[2]]].value));
      const pcValue = pc.get(name) ?? value;
      expect(`${Number.parseFloat(pcValue)}rem`, `${name} (PC)`).toBe(px(tokens['responsive-pc']['font-size'][m[1]][size[m[2]]].value));
      checked++;
    }
    expect(checked).toBe(17);
  });

  it('uses the KRDS breakpoints 360 / 768 / 1024 / 1280', () => {
    expect(['sm', 'md', 'lg', 'xl'].map((b) => Number.parseFloat(themeVars.get(`--breakpoint-${b}`)!) * 16)).toEqual([360, 768, 1024, 1280]);
  });

  it('offers the five KRDS 글자 크기 steps (zoom 0.9 / 1 / 1.1 / 1.3 / 1.5)', () => {
    const common = readFileSync(require.resolve('krds-uiux/resources/css/common/common.css'), 'utf8');
    const zoom = (n: string) => Number(new RegExp(`--krds-zoom-${n}: ([0-9.]+)`).exec(common)![1]);
    const scale = (step: string) => Number(new RegExp(`html\\[data-font-scale='${step}'\\] \\{ font-size: (\\d+)%`).exec(modes)![1]) / 100;
    expect([scale('sm'), 1, scale('lg'), scale('xl'), scale('xxl')]).toEqual([zoom('small'), zoom('medium'), zoom('large'), zoom('xlarge'), zoom('xxlarge')]);
  });
});
