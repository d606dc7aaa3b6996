/** JSON, JSON Schema and CSV exports of the fixture, read back with ajv and csv-parse. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { BOM, csvField, renderCsv } from '../../src/lib/feeds/csv.ts';
import { companyExports, programExports } from '../../src/lib/feeds/exports.ts';
import { fieldMeta } from '../../src/schemas/meta.ts';
import { programSchema } from '../../src/schemas/programs.ts';
import { loadFixture, TRICKY } from './feeds-fixture.ts';

const site = loadFixture();
const src = { programs: site.programs, companies: site.companies, businesses: site.businesses };
const programs = programExports(src, site.ctx);
const companies = companyExports(src, site.ctx);

function readCsv(text: string): Record<string, string>[] {
  return parse(text, { bom: true, columns: true, relax_column_count: false });
}

describe('csv writer', () => {
  it('quotes exactly the fields RFC 4180 requires, doubling quotes', () => {
    expect(csvField('평범한 값')).toBe('평범한 값');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
  it('starts with a BOM and ends records with CRLF', () => {
    const csv = renderCsv(['가', '나'], [['1', '2']]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toBe(`${BOM}가,나\r\n1,2\r\n`);
  });
  it('refuses a row that does not fit the header', () => {
    expect(() => renderCsv(['a'], [['1', '2']])).toThrow(/2 fields/);
  });
});

describe('programs.json', () => {
  const doc = JSON.parse(programs.json);

  it('validates against the generated JSON Schema (ajv, draft 2020-12)', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    const validate = ajv.compile(JSON.parse(programs.schema));
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the schema rejects a record that breaks a content rule', () => {
    const validate = new Ajv2020({ strict: true }).compile(JSON.parse(programs.schema));
    const broken = structuredClone(doc);
    broken.programs[0].field = '우주지원';
    expect(validate(broken)).toBe(false);
    const relative = structuredClone(doc);
    relative.programs.find((p: { id: string }) => p.id === TRICKY).attachments[0].file = '/uploads/feeds/공고문.pdf';
    expect(validate(relative)).toBe(false);
  });

  it('has every program with derived 진행단계, names of references and absolute URLs', () => {
    expect(doc.asOf).toBe('2018-05-10');
    expect(doc.count).toBe(site.programs.length);
    const tricky = doc.programs.find((p: { id: string }) => p.id === TRICKY);
    const source = site.programs.find((p) => p.id === TRICKY)!;
    expect(tricky.status).toBe('모집중');
    expect(tricky.url).toBe('https://feeds.example.kr/programs/2018-tricky-fund/');
    expect(tricky.companyName).toBe('한빛에너지공사');
    expect(tricky.attachments[0].file).toBe('https://feeds.example.kr/uploads/feeds/%EA%B3%B5%EA%B3%A0%EB%AC%B8.pdf');
    expect(tricky.calendarUrl).toBe('https://feeds.example.kr/calendar/programs/2018-tricky-fund.ics');
    expect(tricky.summary).toBe(source.data.summary);
    expect(tricky.body).toBe(source.entry.body);
    // Every field of the schema that the entry has is exported.
    for (const key of Object.keys(source.data)) expect(tricky).toHaveProperty(key);
  });

  it('the schema titles come from the field labels', () => {
    const schema = JSON.parse(programs.schema);
    const props = schema.properties.programs.items.properties;
    for (const [key, field] of Object.entries(programSchema.shape)) {
      const label = fieldMeta(field)!.label;
      expect(props[key].title).toBe(fieldMeta(field)!.ref ? `${label} ID` : label);
    }
  });
});

describe('column descriptions', () => {
  it('say what each column holds, from the schema', () => {
    const byPath = new Map(programs.columns.map((c) => [c.path, c]));
    expect(byPath.get('applyPeriod.start')).toEqual({ header: '신청기간 시작일', path: 'applyPeriod.start', values: '날짜 YYYY-MM-DD (한국 시간)' });
    expect(byPath.get('field')!.values).toBe('금융지원, 기술지원, 교육지원, 판로지원, 컨설팅지원, 특허지원, 인력지원, 해외진출지원, 복지지원, 기타지원');
    expect(byPath.get('company')!.values).toBe('참여기업 ID (슬러그)');
    expect(byPath.get('summary')!.values).toBe('글자 (최대 200자)');
    expect(programs.columns.map((c) => c.header)).toEqual(Object.keys(readCsv(programs.csv)[0]));
  });
});

describe('programs.csv', () => {
  const rows = readCsv(programs.csv);

  it('has a BOM, one row per program and Korean column names from the schema labels', () => {
    expect(programs.csv.startsWith(BOM)).toBe(true);
    expect(rows).toHaveLength(site.programs.length);
    expect(Object.keys(rows[0])).toEqual(expect.arrayContaining(['프로그램명', '기업명', '기업명 ID', '신청기간 시작일', '신청기간 종료일', '문의처 전화번호', '진행단계 (2018-05-10 기준)', '지원내용']));
  });

  it('keeps quotes, commas, newlines and <script> intact', () => {
    const source = site.programs.find((p) => p.id === TRICKY)!;
    const row = rows.find((r) => r.ID === TRICKY)!;
    expect(row['프로그램명']).toBe(source.data.title);
    expect(row['프로그램개요']).toBe(source.data.summary);
    expect(row['지원내용']).toBe(source.entry.body);
    expect(row['진행지역']).toBe('전국');
    expect(row['신청여부']).toBe('예');
    expect(row['첨부문서']).toBe('파일: https://feeds.example.kr/uploads/feeds/%EA%B3%B5%EA%B3%A0%EB%AC%B8.pdf · 문서명: 공고문, "최종"');
  });

  it('joins list values into one cell', () => {
    expect(rows.find((r) => r.ID === '2016-daehan-archive')!['진행지역']).toBe('서울, 경기');
  });
});

describe('companies export', () => {
  it('validates, counts programs and links each company’s feeds', () => {
    const doc = JSON.parse(companies.json);
    const validate = new Ajv2020({ strict: true }).compile(JSON.parse(companies.schema));
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    const hanbit = doc.companies.find((c: { id: string }) => c.id === 'hanbit-energy');
    expect(hanbit.programCount).toBe(2);
    expect(hanbit.rssUrl).toBe('https://feeds.example.kr/rss/companies/hanbit-energy.xml');
    expect(hanbit.calendarUrl).toBe('https://feeds.example.kr/calendar/companies/hanbit-energy.ics');
    const rows = readCsv(companies.csv);
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.ID === 'hanbit-energy')!['협력사 등록 안내 제출서류']).toBe('사업자등록증 사본, 회사소개서 (쉼표, "따옴표" 포함)');
  });
});
