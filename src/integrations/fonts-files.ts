/** Public URLs of the self-hosted font files (written by src/integrations/fonts.ts). */
export const FONT_DIR = '/fonts/';
/** Family name used by the theme (styles/theme.css). */
export const FONT_FAMILY = 'Pretendard GOV';
/** @font-face rules for every slice. */
export const FONT_CSS_URL = `${FONT_DIR}pretendard-gov.css`;
/** The first (most used) slice of the regular weight, preloaded by every page. */
export const FONT_PRELOAD_URL = `${FONT_DIR}pretendard-gov-400-0.woff2`;
/** File name of slice `slice` of `weight` (`s` = characters Pretendard GOV lacks, from Pretendard). */
export const fontFileName = (weight: number, slice: number | string) => `pretendard-gov-${weight}-${slice}.woff2`;
