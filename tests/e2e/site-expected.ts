/**
 * What the site should show, computed straight from content/programs/*.md (YAML front
 * matter, read with the `yaml` package) and the 진행단계 rules of SPEC §2 written out here
 * again, so the browser tests do not trust the code they test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../helpers/paths.ts';

export interface ExpectedProgram {
  slug: string;
  title: string;
  field: string;
  audience: string;
  regions: string[];
  applyStart: string;
  applyEnd: string;
  supportEnd: string;
  registeredAt: string;
  status: '예정' | '모집중' | '진행중' | '종료';
}

const CONTENT = resolve(ROOT, process.env.CONTENT_ROOT?.trim() || 'content', 'programs');

function statusOn(p: { applyStart: string; applyEnd: string; supportEnd: string }, day: string): ExpectedProgram['status'] {
  if (day < p.applyStart) return '예정';
  if (day <= p.applyEnd) return '모집중';
  if (day <= (p.supportEnd > p.applyEnd ? p.supportEnd : p.applyEnd)) return '진행중';
  return '종료';
}

export function programsOn(day: string): ExpectedProgram[] {
  return readdirSync(CONTENT)
    .filter((f) => f.endsWith('.md'))
    .map((file) => {
      const text = readFileSync(join(CONTENT, file), 'utf8');
      const data = parse(text.split(/^---$/m)[1], { schema: 'core' });
      const base = {
        slug: file.replace(/\.md$/, ''),
        title: String(data.title),
        field: data.field,
        audience: data.audience,
        regions: data.regions,
        applyStart: String(data.applyPeriod.start),
        applyEnd: String(data.applyPeriod.end),
        supportEnd: String(data.supportPeriod.end),
        registeredAt: String(data.registeredAt),
      };
      return { ...base, status: statusOn(base, day) };
    });
}

/** Whole days from a to b (YYYY-MM-DD). */
export function daysFrom(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
