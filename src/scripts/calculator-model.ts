/**
 * The calculator's arithmetic, apart from the DOM: raw form values in, points out.
 * Every rule comes from src/lib/scoring (the one module the build uses too).
 */
import { DIRECT_APPLICATIONS, NEW_PROGRAMS, OPEN_PROGRAMS } from '../lib/scoring/rules.ts';
import { promotionItems, promotionPoints, tierPoints, totalPoints, type PartPoints, type Total } from '../lib/scoring/score.ts';

/** What the form holds, as text (input values) and the checked channel ids. */
export interface CalculatorForm {
  newPrograms: string;
  channels: string[];
  posts: string;
  directApplications: string;
  openPrograms: string;
}

export type CountField = 'newPrograms' | 'posts' | 'directApplications' | 'openPrograms';

export interface CalculatorResult {
  parts: PartPoints;
  /** Recognised ② items (distinct channels + posts). */
  promotionItems: number;
  total: Total;
  /** Fields whose text is not a whole number ≥ 0 (they count as 0). */
  invalid: CountField[];
}

/** `""` → 0; `"12"` → 12; anything else (negative, decimal, text) → undefined. */
export function parseCount(text: string): number | undefined {
  const t = text.trim();
  if (t === '') return 0;
  if (!/^\d{1,6}$/.test(t)) return undefined;
  return Number(t);
}

export function calculate(form: CalculatorForm): CalculatorResult {
  const invalid: CountField[] = [];
  const count = (field: CountField) => {
    const n = parseCount(form[field]);
    if (n === undefined) invalid.push(field);
    return n ?? 0;
  };
  const promotion = { channels: form.channels, posts: count('posts') };
  const parts: PartPoints = {
    newPrograms: tierPoints(NEW_PROGRAMS, count('newPrograms')),
    promotion: promotionPoints(promotion),
    directApplications: tierPoints(DIRECT_APPLICATIONS, count('directApplications')),
    openPrograms: tierPoints(OPEN_PROGRAMS, count('openPrograms')),
  };
  return { parts, promotionItems: promotionItems(promotion), total: totalPoints(parts), invalid };
}
