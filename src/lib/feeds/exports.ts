/**
 * The open-data files: /data/programs.{json,schema.json,csv} and the same for companies.
 * Records, their JSON Schema and the CSV columns all come from `export-record.ts`,
 * so a field added to a collection schema appears in every file with its Korean label.
 */
import { z } from 'zod';
import { STATUSES } from '../../schemas/choices.ts';
import { choice } from '../../schemas/fields.ts';
import { renderCsv } from './csv.ts';
import { recordBuilder, recordSchema, refResolver, type DerivedField, type RecordSpec } from './export-record.ts';
import { filterKey } from './filters.ts';
import { toPublicJsonSchema } from './json-schema.ts';
import { DATA_LICENSE } from './license.ts';
import { absoluteUrl, feedPath, pagePath } from './links.ts';
import { columnsOf, toTable } from './table.ts';
import type { CompanyEntry, Entry, FeedContext, ProgramItem } from './types.ts';

/** What the export writers read from the site. */
export interface ExportSource {
  programs: readonly ProgramItem[];
  companies: ReadonlyMap<string, CompanyEntry>;
  businesses: ReadonlyMap<string, Entry<object>>;
}

const url = (label: string, hint: string) => z.string().meta({ label, hint });

function programSpec(src: ExportSource, ctx: FeedContext): RecordSpec<ProgramItem> {
  const abs = (path: string) => absoluteUrl(ctx.site, path);
  const before: DerivedField<ProgramItem>[] = [
    { key: 'id', schema: z.string().meta({ label: 'ID', hint: '프로그램 주소에 쓰이는 고유 이름(슬러그)' }), value: (p) => p.id },
    { key: 'url', schema: url('페이지 주소', '프로그램 상세 페이지'), value: (p) => abs(pagePath.program(p.id)) },
    {
      key: 'status',
      schema: choice(`진행단계 (${ctx.today} 기준)`, STATUSES, { hint: '신청기간·지원기간과 기준일(asOf)로 계산한 값' }),
      value: (p) => p.status,
    },
  ];
  const after: DerivedField<ProgramItem>[] = [
    { key: 'calendarUrl', schema: url('캘린더 파일 주소', '신청 시작·마감 일정(.ics)'), value: (p) => abs(feedPath.programCalendar(p.id)) },
  ];
  return {
    collection: 'programs', before, after, absolute: abs,
    data: (p) => p.data as unknown as Record<string, unknown>,
    body: (p) => p.entry.body,
    refName: refResolver({ companies: src.companies, businesses: src.businesses }),
  };
}

function companySpec(src: ExportSource, ctx: FeedContext): RecordSpec<CompanyEntry> {
  const abs = (path: string) => absoluteUrl(ctx.site, path);
  const counts = new Map<string, number>();
  for (const p of src.programs) counts.set(p.data.company, (counts.get(p.data.company) ?? 0) + 1);
  const before: DerivedField<CompanyEntry>[] = [
    { key: 'id', schema: z.string().meta({ label: 'ID', hint: '기업 주소에 쓰이는 고유 이름(슬러그)' }), value: (c) => c.id },
    { key: 'url', schema: url('페이지 주소', '협력사 등록 안내 페이지'), value: (c) => abs(pagePath.company(c.id)) },
  ];
  const after: DerivedField<CompanyEntry>[] = [
    { key: 'programCount', schema: z.number().int().min(0).meta({ label: '등록 프로그램 수' }), value: (c) => counts.get(c.id) ?? 0 },
    { key: 'rssUrl', schema: url('프로그램 RSS 주소', '이 기업의 새 프로그램'), value: (c) => abs(feedPath.filterRss(filterKey({ company: c.id }))) },
    { key: 'calendarUrl', schema: url('프로그램 캘린더 주소', '이 기업 프로그램의 신청 시작·마감(.ics)'), value: (c) => abs(feedPath.filterCalendar(filterKey({ company: c.id }))) },
  ];
  return {
    collection: 'companies', before, after, absolute: abs,
    data: (c) => c.data as unknown as Record<string, unknown>,
    body: (c) => c.body,
    refName: refResolver({}),
  };
}

/** One export: the records, the document schema, and the three files. */
export interface ExportFiles {
  json: string;
  schema: string;
  csv: string;
  count: number;
  /** The CSV columns: header, JSON path and what values they hold (the /data/ page lists them). */
  columns: { header: string; path: string; values: string }[];
}

function build<I>(spec: RecordSpec<I>, items: readonly I[], ctx: FeedContext, kind: 'programs' | 'companies', title: string): ExportFiles {
  const itemSchema = recordSchema(spec);
  const records = items.map(recordBuilder(spec));
  const paths = kind === 'programs'
    ? { schema: feedPath.programsSchema, json: feedPath.programsJson }
    : { schema: feedPath.companiesSchema, json: feedPath.companiesJson };
  const document = z.object({
    $schema: z.string().meta({ label: '이 파일의 JSON Schema 주소' }),
    title: z.string().meta({ label: '데이터 이름' }),
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ label: '기준일', hint: '진행단계를 계산한 날 (Asia/Seoul)' }),
    generatedAt: z.string().meta({ label: '생성 시각', hint: 'ISO 8601, UTC' }),
    license: z.object({ name: z.string(), url: z.string() }).meta({ label: '이용허락' }),
    source: z.string().meta({ label: '안내 페이지' }),
    count: z.number().int().min(0).meta({ label: '항목 수' }),
    [kind]: z.array(itemSchema).meta({ label: title }),
  }).meta({ label: `상생누리 ${title}` });
  const body = {
    $schema: absoluteUrl(ctx.site, paths.schema),
    title: `상생누리 ${title}`,
    asOf: ctx.today,
    generatedAt: ctx.builtAt.toISOString(),
    license: { name: DATA_LICENSE.name, url: DATA_LICENSE.url },
    source: absoluteUrl(ctx.site, pagePath.data),
    count: records.length,
    [kind]: records,
  };
  const table = toTable(itemSchema, records);
  return {
    json: `${JSON.stringify(body, null, 1)}\n`,
    schema: `${JSON.stringify(toPublicJsonSchema(document, { $id: absoluteUrl(ctx.site, paths.schema) }), null, 1)}\n`,
    csv: renderCsv(table.header, table.rows),
    count: records.length,
    columns: columnsOf(itemSchema).map(({ header, path, values }) => ({ header, path, values })),
  };
}

/** programs.json, programs.schema.json and programs.csv. */
export function programExports(src: ExportSource, ctx: FeedContext): ExportFiles {
  const items = [...src.programs].sort((a, b) => b.data.registeredAt.localeCompare(a.data.registeredAt) || a.id.localeCompare(b.id));
  return build(programSpec(src, ctx), items, ctx, 'programs', '상생협력 프로그램');
}

/** companies.json, companies.schema.json and companies.csv. */
export function companyExports(src: ExportSource, ctx: FeedContext): ExportFiles {
  const items = [...src.companies.values()].sort((a, b) => a.data.name.localeCompare(b.data.name, 'ko') || a.id.localeCompare(b.id));
  return build(companySpec(src, ctx), items, ctx, 'companies', '참여기업');
}
