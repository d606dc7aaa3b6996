/** URL slugs of the 포럼 공지 categories (URLs stay ASCII and stable). */
import { ANNOUNCEMENT_CATEGORIES } from '../../schemas/choices.ts';

type Category = (typeof ANNOUNCEMENT_CATEGORIES)[number];

export const CATEGORY_SLUGS: Record<Category, string> = {
  '토론회·워크샵': 'workshop',
  '정책제안 공모': 'proposal',
  '선정 결과': 'selection',
  '지식포인트': 'knowledge-point',
  '정책메이트': 'policy-mate',
  '간담회': 'meeting',
  '일반': 'general',
};

/** The page listing one category's notices. */
export function categoryHref(category: Category): string {
  return `/forums/notices/category/${CATEGORY_SLUGS[category]}/`;
}
