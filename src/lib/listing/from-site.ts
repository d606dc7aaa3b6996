/** Build-time adapters from the site's program views to the listing's plain shapes. */
import type { CompanyClass } from '../../schemas/choices.ts';
import type { SourceItem } from './chunks.ts';

/** What the adapters read from a site ProgramView (src/data/site-data.ts). */
export interface ProgramLike {
  id: string;
  data: {
    title: string;
    field: SourceItem['field'];
    audience: SourceItem['audience'];
    company: string;
    regions: SourceItem['regions'];
    applyPeriod: SourceItem['apply'];
    supportPeriod: SourceItem['support'];
    registeredAt: string;
    applyOnline: boolean;
  };
  company: { id: string; data: { name: string; class: CompanyClass } };
}

/** A program as the listing's filters, sorts and data files see it. */
export function toListingItem<P extends ProgramLike>(p: P): SourceItem & { id: string } {
  return {
    id: p.id,
    slug: p.id,
    title: p.data.title,
    field: p.data.field,
    audience: p.data.audience,
    company: p.data.company,
    companyName: p.company.data.name,
    companyClass: p.company.data.class,
    regions: p.data.regions,
    apply: p.data.applyPeriod,
    support: p.data.supportPeriod,
    registeredAt: p.data.registeredAt,
    applyOnline: p.data.applyOnline,
  };
}
