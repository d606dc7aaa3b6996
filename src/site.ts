/** Site-wide facts: name, operator, navigation, public URL. One place to change them. */

/** Public origin used for canonical URLs, feeds and exports (`SITE_URL` overrides). */
export const SITE_URL = (process.env.SITE_URL?.trim() || 'https://winwinnuri.github.io').replace(/\/$/, '');

export const SITE = {
  name: '상생누리',
  /** One line under the site name. */
  tagline: '대·중소기업 상생협력 종합 포털',
  description: '대기업과 공공기관의 상생협력 프로그램, 협력사 등록 안내, 중소기업 정책포럼과 계획·보도자료를 한곳에서 찾습니다.',
  /** The operator, as printed at the end of 001. */
  operator: {
    name: '대·중소기업·농어업협력재단',
    phone: '02-368-8487',
    homepage: 'https://www.winwinnuri.or.kr',
  },
} as const;

/** Main navigation, in the order of the header. */
export const NAV = [
  { href: '/programs/', label: '프로그램 검색' },
  { href: '/companies/', label: '협력사 등록 안내' },
  { href: '/forums/', label: '정책포럼' },
  { href: '/plans/', label: '계획·보도자료' },
  { href: '/guides/', label: '이용안내' },
  { href: '/stats/', label: '통계' },
] as const;
