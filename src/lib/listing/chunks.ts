/**
 * The listing's data files, so filtering never downloads every program:
 *   /programs/listing-data/meta.json         vocabularies, companies, counts (small)
 *   /programs/listing-data/index-<f>.json    facets and dates of the current programs of 지원분야 f
 *   /programs/listing-data/rows-<f>-<k>.json slug and title of 100 of them (only the shown page's rows load)
 * A filter on 지원분야 loads only those fields' index files. Dates are day numbers
 * (days since 1970-01-01) and small vocabularies single digits, which gzip well.
 * The build writes these files with `encode*`; the browser reads them with `decode*`.
 */
import { AUDIENCES, COMPANY_CLASSES, FIELDS, REGIONS, type CompanyClass, type Field } from '../../schemas/choices.ts';
import { addDays, daysBetween } from '../dates.ts';
import type { ListingItem } from './match.ts';

export const LISTING_DATA_BASE = '/programs/listing-data/';
export const ROWS_PER_CHUNK = 100;
const EPOCH = '1970-01-01';

export const metaUrl = () => `${LISTING_DATA_BASE}meta.json`;
export const indexUrl = (field: number) => `${LISTING_DATA_BASE}index-${field}.json`;
export const rowsUrl = (field: number, chunk: number) => `${LISTING_DATA_BASE}rows-${field}-${chunk}.json`;

/** A program as the build knows it, before encoding. */
export interface SourceItem extends ListingItem {
  slug: string;
  title: string;
  companyName: string;
  applyOnline: boolean;
}

export interface ListingMeta {
  /** The build's today; the browser uses it when the build was pinned (`pinned`). */
  builtFor: string;
  pinned: boolean;
  /** [slug, name, 기업분류 index]. */
  companies: [string, string, number][];
  /** Current programs per 지원분야 (index of FIELDS). */
  counts: number[];
}

export interface IndexChunk {
  field: number;
  /** One digit per program: index into AUDIENCES. */
  audience: string;
  /** Index into meta.companies. */
  company: number[];
  /** Bit i set = REGIONS[i]. */
  regions: number[];
  /** Day numbers. */
  applyStart: number[];
  applyEnd: number[];
  supportStart: number[];
  supportEnd: number[];
  registered: number[];
  /** One digit per program: 1 = 신청 (apply online), 0 = 공고. */
  online: string;
}

/** [slug, title] of the programs of one rows file, in index order. */
export type RowsChunk = [string, string][];

/** A decoded program: facets, dates and where its row lives. */
export interface DecodedItem extends ListingItem {
  /** Field index and position within that field's index file. */
  fieldIndex: number;
  position: number;
  companyName: string;
  applyOnline: boolean;
}

const day = (date: string) => daysBetween(EPOCH, date);
const date = (n: number) => addDays(EPOCH, n);

function regionMask(regions: readonly string[]): number {
  let mask = 0;
  for (const r of regions) mask |= 1 << (REGIONS as readonly string[]).indexOf(r);
  return mask;
}

/** Build all data files from the current programs (any order; each field's file keeps the given order). */
export function encodeListing(items: readonly SourceItem[], companies: { slug: string; name: string; class: CompanyClass }[], builtFor: string, pinned: boolean) {
  const companyIndex = new Map(companies.map((c, i) => [c.slug, i]));
  const meta: ListingMeta = {
    builtFor,
    pinned,
    companies: companies.map((c) => [c.slug, c.name, COMPANY_CLASSES.indexOf(c.class)]),
    counts: FIELDS.map(() => 0),
  };
  const indexes: IndexChunk[] = [];
  const rows: { field: number; chunk: number; rows: RowsChunk }[] = [];
  FIELDS.forEach((field, f) => {
    const list = items.filter((p) => p.field === field);
    meta.counts[f] = list.length;
    indexes.push({
      field: f,
      audience: list.map((p) => AUDIENCES.indexOf(p.audience)).join(''),
      company: list.map((p) => companyIndex.get(p.company) ?? -1),
      regions: list.map((p) => regionMask(p.regions)),
      applyStart: list.map((p) => day(p.apply.start)),
      applyEnd: list.map((p) => day(p.apply.end)),
      supportStart: list.map((p) => day(p.support.start)),
      supportEnd: list.map((p) => day(p.support.end)),
      registered: list.map((p) => day(p.registeredAt)),
      online: list.map((p) => (p.applyOnline ? '1' : '0')).join(''),
    });
    for (let start = 0, chunk = 0; start < list.length; start += ROWS_PER_CHUNK, chunk++) {
      rows.push({ field: f, chunk, rows: list.slice(start, start + ROWS_PER_CHUNK).map((p) => [p.slug, p.title]) });
    }
  });
  return { meta, indexes, rows };
}

/** Turn one index file back into items. */
export function decodeIndex(chunk: IndexChunk, meta: ListingMeta): DecodedItem[] {
  const out: DecodedItem[] = [];
  const field = FIELDS[chunk.field] as Field;
  for (let i = 0; i < chunk.company.length; i++) {
    const company = meta.companies[chunk.company[i]] ?? ['', '', 0];
    const mask = chunk.regions[i];
    out.push({
      field,
      fieldIndex: chunk.field,
      position: i,
      audience: AUDIENCES[Number(chunk.audience[i])],
      company: company[0],
      companyName: company[1],
      companyClass: COMPANY_CLASSES[company[2]],
      regions: REGIONS.filter((_, r) => mask & (1 << r)),
      apply: { start: date(chunk.applyStart[i]), end: date(chunk.applyEnd[i]) },
      support: { start: date(chunk.supportStart[i]), end: date(chunk.supportEnd[i]) },
      registeredAt: date(chunk.registered[i]),
      applyOnline: chunk.online[i] === '1',
    });
  }
  return out;
}

/** Which rows file holds an item. */
export function rowsChunkOf(item: Pick<DecodedItem, 'fieldIndex' | 'position'>): { field: number; chunk: number; offset: number } {
  return { field: item.fieldIndex, chunk: Math.floor(item.position / ROWS_PER_CHUNK), offset: item.position % ROWS_PER_CHUNK };
}
