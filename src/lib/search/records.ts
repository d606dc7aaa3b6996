/**
 * The search records of a build, from the validated content, and their hand-over file:
 * `npm run build` validates the content once (scripts/validate.ts, beside Astro) and writes
 * the records there, so the Pagefind step inside Astro reads them instead of validating
 * everything again. The file names the content folder and the build day it was made for; anything
 * else (missing, another folder or day, unreadable) means "validate here instead".
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { resolve } from 'node:path';
import type { Company } from '../../schemas/companies.ts';
import type { ValidEntry } from '../validation/cross-checks.ts';
import { SEARCHED_COLLECTIONS, type SearchedCollection } from './facets.ts';
import { searchRecord, type SearchRecord } from './record.ts';

/** Environment variable naming the hand-over file (set by scripts/build.ts). */
export const SEARCH_RECORDS_ENV = 'SEARCH_RECORDS_FILE';
const FORMAT = 1;

interface RecordsFile {
  format: number;
  contentDir: string;
  today: string;
  records: [string, SearchRecord][];
}

/** `collection/slug` → record, for every entry of a searched collection. */
export function searchRecords(entries: readonly ValidEntry[], today: string): Map<string, SearchRecord> {
  const companies = new Map<string, Company>();
  for (const e of entries) if (e.collection === 'companies') companies.set(e.slug, e.data as unknown as Company);
  const searched = new Set<string>(SEARCHED_COLLECTIONS);
  const records = new Map<string, SearchRecord>();
  for (const e of entries) {
    if (!searched.has(e.collection)) continue;
    const collection = e.collection as SearchedCollection;
    records.set(`${collection}/${e.slug}`, searchRecord(collection, e.slug, e.data, { companies, today }));
  }
  return records;
}

/** Write the records of a validated content folder for the build's later steps. */
export function writeSearchRecords(file: string, contentDir: string, today: string, records: Map<string, SearchRecord>): void {
  const data: RecordsFile = { format: FORMAT, contentDir: resolve(contentDir), today, records: [...records] };
  // Written whole under another name, then renamed: a reader never sees half a file.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, JSON.stringify(data));
  renameSync(partial, file);
}

/**
 * The handed-over records, waiting for them: the content check runs beside Astro and
 * writes them after a few seconds. Undefined when no file is named, none arrives in
 * `timeoutMs`, or it is not for this folder and day.
 */
export async function awaitSearchRecords(file: string | undefined, contentDir: string, today: string, timeoutMs = 600_000): Promise<Map<string, SearchRecord> | undefined> {
  if (!file) return undefined;
  const until = Date.now() + timeoutMs;
  while (!existsSync(file) && Date.now() < until) await sleep(50);
  return readSearchRecords(file, contentDir, today);
}

/** The records written for this content folder and day, or undefined when there are none to trust. */
export function readSearchRecords(file: string | undefined, contentDir: string, today: string): Map<string, SearchRecord> | undefined {
  if (!file) return undefined;
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as RecordsFile;
    if (data.format !== FORMAT || data.contentDir !== resolve(contentDir) || data.today !== today) return undefined;
    return new Map(data.records);
  } catch {
    return undefined;
  }
}
