/**
 * The generated Decap configuration agrees with the schemas, field by field: same Korean
 * label, required flag, choices, length limits and pattern. The expectations are read from
 * zod's behaviour (safeParse) — not from the generator's own introspection — so a generator
 * that drifts from the schemas fails here.
 */
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { cmsConfig, cmsOptionsFromEnv, MEDIA_FOLDER, PUBLIC_FOLDER } from '../../src/lib/cms/config.ts';
import { SLUG_TEMPLATE } from '../../src/lib/cms/collections.ts';
import type { DecapField } from '../../src/lib/cms/decap-types.ts';
import { CmsSchemaError } from '../../src/lib/cms/fields.ts';
import { isValidBusinessNumber } from '../../src/lib/business-number.ts';
import { text } from '../../src/schemas/fields.ts';
import { COLLECTIONS, type CollectionDef } from '../../src/schemas/index.ts';
import { fieldMeta } from '../../src/schemas/meta.ts';

const OPTIONS = cmsOptionsFromEnv({});
const CONFIG = cmsConfig(OPTIONS);

/** Strings a field might be given: formats the schemas know, near misses, lengths, spaces, Korean. */
const SAMPLES = [
  '02-368-8487', '031-123-4567', '010-1234-5678', '1588-0000', '070-1234-5678', '02-36-8487', '02 368 8487', '010-12345-678',
  'https://www.winwinnuri.or.kr', 'https://example.com/a?b=1#c', 'http://example.com', 'https://', 'https://localhost', 'javascript:alert(1)', 'ftp://x.kr',
  'name@example.kr', 'a@b.co', 'name@example', 'na me@example.kr', '<x>@example.kr',
  '124-81-00998', '124-81-00999', '124-8100998', '1248100998',
  '/uploads/guide.pdf', '/uploads/GUIDE.PDF', '/uploads/양식.hwp', '/uploads/a.hwpx', '/uploads/x.exe', '/uploads/logo.png', '/uploads/logo.SVG', 'uploads/a.pdf', '/uploads/a b.pdf',
  'kwater-winwin', 'Kwater', 'a--b',
  '2018-05-10', '2018-02-31', '18-05-10',
  '한', '가'.repeat(20), '가'.repeat(21), '가'.repeat(50), '가'.repeat(51), '가'.repeat(100), '가'.repeat(101), '가'.repeat(200), '가'.repeat(201),
  '가'.repeat(300), '가'.repeat(301), '가'.repeat(500), '가'.repeat(501),
  `  ${'가'.repeat(200)}  `, ' ', '   ', '\t', ' 양쪽 공백 ', '줄\n바꿈', 'ASCII only', '123',
];

/** Issues other than refinements (check digits, real dates, cross-field rules) — what Decap can express. */
function shapeAccepts(schema: z.ZodType, value: string): boolean {
  const result = schema.safeParse(value);
  return result.success || result.error.issues.every((i) => i.code === 'custom');
}

/** What Decap does with a string value: presence check when required, then the pattern. */
function decapAccepts(f: DecapField, value: string): boolean {
  const empty = value.length === 0;
  if (empty) return !f.required;
  return f.pattern ? new RegExp(f.pattern[0]).test(value) : true;
}

type Walked = { path: string; schema: z.ZodType; field: DecapField; parentRequired: boolean };

function unwrapDef(schema: z.ZodType): { type: string; inner: z.ZodType } {
  let current = schema as z.ZodType & { def: { type: string; innerType?: z.ZodType } };
  while (['optional', 'default', 'nullable', 'prefault'].includes(current.def.type)) current = current.def.innerType as typeof current;
  return { type: current.def.type, inner: current };
}

/** Every (schema field, generated field) pair of a collection, nested ones included. */
function walk(shape: Record<string, z.ZodType>, fields: DecapField[], prefix: string, parentRequired: boolean): Walked[] {
  const keys = Object.keys(shape);
  expect(fields.map((f) => f.name).filter((n) => n !== 'body'), `${prefix}: same fields in the same order`).toEqual(keys);
  return keys.flatMap((key) => {
    const schema = shape[key];
    const f = fields.find((x) => x.name === key)!;
    const here = { path: `${prefix}${key}`, schema, field: f, parentRequired };
    const { type, inner } = unwrapDef(schema);
    const optional = schema.safeParse(undefined).success;
    if (type === 'object' && f.widget === 'object') {
      return [here, ...walk((inner as z.ZodObject).shape, f.fields, `${prefix}${key}.`, parentRequired && !optional)];
    }
    if (type === 'array' && f.widget === 'list') {
      const element = unwrapDef((inner as z.ZodArray<z.ZodType>).element);
      if (element.type === 'object') return [here, ...walk((element.inner as z.ZodObject).shape, f.fields!, `${prefix}${key}[].`, true)];
      return [here, { path: `${prefix}${key}[]`, schema: (inner as z.ZodArray<z.ZodType>).element, field: f.field!, parentRequired: true }];
    }
    return [here];
  });
}

const cmsCollections = Object.entries(COLLECTIONS).filter(([, def]) => def.cms);
const pairs = cmsCollections.flatMap(([name, def]) => {
  const collection = CONFIG.collections.find((c) => c.name === name)!;
  return walk(def.schema.shape as Record<string, z.ZodType>, collection.fields, `${name}.`, true);
});

describe('generated CMS configuration', () => {
  test('has one Decap collection per CMS collection (guides are developer-written and left out)', () => {
    expect(CONFIG.collections.map((c) => c.name)).toEqual(cmsCollections.map(([n]) => n));
    expect(CONFIG.collections.map((c) => c.name)).not.toContain('guides');
    for (const c of CONFIG.collections) {
      const def = COLLECTIONS[c.name as keyof typeof COLLECTIONS];
      expect(c.label).toBe(def.label);
      expect(c.folder).toBe(`content/${c.name}`);
      expect(c.extension).toBe('md');
      expect(c.identifier_field).toBe(def.titleField);
      const body = c.fields.find((f) => f.name === 'body');
      if ('bodyLabel' in def) expect(body?.label).toBe(def.bodyLabel);
      else expect(body).toBeUndefined();
    }
  });

  test('is Korean, reviewed before publishing, and stores uploads in public/uploads', () => {
    expect(CONFIG.locale).toBe('ko');
    expect(CONFIG.publish_mode).toBe('editorial_workflow');
    expect(CONFIG.media_folder).toBe(MEDIA_FOLDER);
    expect(CONFIG.media_folder).toBe('public/uploads');
    expect(CONFIG.public_folder).toBe(PUBLIC_FOLDER);
    expect(CONFIG.local_backend).toBe(true);
    expect(JSON.parse(JSON.stringify(CONFIG))).toEqual(CONFIG);
  });

  test.each(pairs.map((p) => [p.path, p]))('%s: label, required flag and widget match the schema', (_, { schema, field: f, parentRequired }) => {
    expect(f.label).toBe(fieldMeta(schema)!.label);
    const missingOk = schema.safeParse(undefined).success;
    const { type } = unwrapDef(schema);
    if (type === 'array') {
      // An empty list is "missing" to Decap: required exactly when the schema needs items.
      expect(f.required).toBe(!missingOk && parentRequired && !schema.safeParse([]).success);
    } else {
      expect(f.required).toBe(!missingOk && parentRequired);
    }
    const meta = fieldMeta(schema)!;
    if (meta.ref) {
      expect(f).toMatchObject({ widget: 'relation', collection: meta.ref.collection, value_field: '{{slug}}', search_fields: [meta.ref.display], display_fields: [meta.ref.display] });
    }
    if (type === 'boolean') expect(f).toMatchObject({ widget: 'boolean', default: false });
    if (type === 'pipe') {
      // isoDate(): a date-only picker storing YYYY-MM-DD text.
      expect(f).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false });
      expect(schema.safeParse('2018-05-10').success).toBe(true);
    }
    if (meta.widget === 'file' || meta.widget === 'image') expect(f.widget).toBe(meta.widget);
  });

  test.each(pairs.filter((p) => ['enum', 'array'].includes(unwrapDef(p.schema).type)).map((p) => [p.path, p]))('%s: choices match the schema', (_, { schema, field: f }) => {
    const { type, inner } = unwrapDef(schema);
    const enumOf = type === 'enum' ? inner : unwrapDef((inner as z.ZodArray<z.ZodType>).element).type === 'enum' ? unwrapDef((inner as z.ZodArray<z.ZodType>).element).inner : undefined;
    if (!enumOf) return;
    const options = (enumOf as z.ZodEnum).options;
    expect(f.widget).toBe('select');
    expect((f as { options: string[] }).options).toEqual(options);
    for (const o of options) expect(enumOf.safeParse(o).success).toBe(true);
    if (type === 'array') {
      expect(f).toMatchObject({ multiple: true });
      // The minimum number of picks is the schema's.
      const min = schema.safeParse([]).success ? undefined : 1;
      expect((f as { min?: number }).min).toBe(min);
    }
  });

  const stringPairs = pairs.filter((p) => unwrapDef(p.schema).type === 'string' && !fieldMeta(p.schema)!.ref);
  test.each(stringPairs.map((p) => [p.path, p]))('%s: lengths and pattern accept and reject what the schema does', (_, { schema, field: f }) => {
    for (const sample of SAMPLES) {
      if (sample === '') continue;
      expect(decapAccepts(f, sample), `${JSON.stringify(sample.length > 30 ? `${sample.slice(0, 5)}…(${sample.length})` : sample)}`).toBe(shapeAccepts(schema, sample));
    }
  });

  test('relation fields keep their slug pattern to the build (values are picked, not typed)', () => {
    const refs = pairs.filter((p) => fieldMeta(p.schema)!.ref);
    expect(refs.map((p) => p.path)).toEqual(expect.arrayContaining(['programs.business', 'programs.company', 'businesses.company', 'announcements.forum']));
  });

  test('the check digit of 사업자등록번호 is left to the save-time schema check (shape only in the pattern)', () => {
    const bn = pairs.find((p) => p.path === 'companies.businessNumber')!;
    expect(isValidBusinessNumber('124-81-00998')).toBe(true);
    expect(decapAccepts(bn.field, '124-81-00999')).toBe(true);
    expect(bn.schema.safeParse('124-81-00999').success).toBe(false);
    expect(decapAccepts(bn.field, '124-8100998')).toBe(false);
  });

  test('new entries get ASCII file names that pass SLUG_PATTERN', async () => {
    const { SLUG_PATTERN } = await import('../../src/schemas/fields.ts');
    const d = new Date(Date.UTC(2018, 4, 10, 9, 30, 15));
    const pad = (n: number) => String(n).padStart(2, '0');
    const slug = SLUG_TEMPLATE
      .replace('{{year}}', String(d.getUTCFullYear())).replace('{{month}}', pad(d.getUTCMonth() + 1)).replace('{{day}}', pad(d.getUTCDate()))
      .replace('{{hour}}', pad(d.getUTCHours())).replace('{{minute}}', pad(d.getUTCMinutes())).replace('{{second}}', pad(d.getUTCSeconds()));
    expect(slug).toBe('2018-05-10-093015');
    expect(SLUG_PATTERN.test(slug)).toBe(true);
    expect(SLUG_PATTERN.test(`${slug}-1`)).toBe(true);
    for (const c of CONFIG.collections) expect(c.slug).toBe(SLUG_TEMPLATE);
  });
});

describe('one source of truth', () => {
  test('a field added to a copy of a schema appears in the CMS with no other edit', () => {
    const extended: Record<string, CollectionDef> = {
      ...COLLECTIONS,
      programs: { ...COLLECTIONS.programs, schema: COLLECTIONS.programs.schema.extend({ venue: text('교육 장소', { max: 30, hint: '건물 이름까지' }).optional() }) },
    };
    const programs = cmsConfig(OPTIONS, extended).collections.find((c) => c.name === 'programs')!;
    const venue = programs.fields.find((f) => f.name === 'venue')!;
    expect(venue).toMatchObject({ label: '교육 장소', widget: 'string', required: false, hint: '건물 이름까지' });
    expect(decapAccepts(venue, '가'.repeat(30))).toBe(true);
    expect(decapAccepts(venue, '가'.repeat(31))).toBe(false);
    // The field sits where the schema puts it: after the existing ones, before the body.
    expect(programs.fields.map((f) => f.name).slice(-2)).toEqual(['venue', 'body']);
    // The real registry is untouched.
    expect(CONFIG.collections.find((c) => c.name === 'programs')!.fields.some((f) => f.name === 'venue')).toBe(false);
  });

  test.each([
    ['a bigint', z.bigint().meta({ label: '큰 수' })],
    ['a union', z.union([z.string(), z.number()]).meta({ label: '둘 중 하나' })],
    ['a record', z.record(z.string(), z.string()).meta({ label: '사전' })],
    ['a list of unions', z.array(z.union([z.string(), z.number()])).meta({ label: '섞인 목록' })],
    ['a non-date pipe', z.string().transform((s) => s.length).meta({ label: '변환' })],
  ])('a field the generator does not know (%s) stops generation, naming collection and field', (_, schema) => {
    const broken: Record<string, CollectionDef> = { ...COLLECTIONS, forums: { ...COLLECTIONS.forums, schema: COLLECTIONS.forums.schema.extend({ odd: schema as z.ZodType }) } };
    expect(() => cmsConfig(OPTIONS, broken)).toThrow(CmsSchemaError);
    expect(() => cmsConfig(OPTIONS, broken)).toThrow(/forums\.odd/);
  });

  test('a field without a Korean label stops generation', () => {
    const broken: Record<string, CollectionDef> = { ...COLLECTIONS, forums: { ...COLLECTIONS.forums, schema: COLLECTIONS.forums.schema.extend({ nolabel: z.string() }) } };
    expect(() => cmsConfig(OPTIONS, broken)).toThrow(/forums\.nolabel — 한국어 이름/);
  });
});

describe('options from the environment', () => {
  test('GitHub by default, GitLab with PKCE, git-gateway without a repo', () => {
    expect(cmsOptionsFromEnv({}).backend).toMatchObject({ name: 'github', branch: 'main', repo: 'winwinnuri/sangsaengnuri' });
    expect(cmsOptionsFromEnv({ CMS_BACKEND: 'gitlab', CMS_REPO: 'org/site', CMS_APP_ID: 'abc' }).backend).toMatchObject({ name: 'gitlab', repo: 'org/site', auth_type: 'pkce', app_id: 'abc' });
    const gateway = cmsOptionsFromEnv({ CMS_BACKEND: 'git-gateway', CMS_BRANCH: 'live' }).backend;
    expect(gateway).toMatchObject({ name: 'git-gateway', branch: 'live' });
    expect(gateway.repo).toBeUndefined();
    expect(() => cmsOptionsFromEnv({ CMS_BACKEND: 'ftp' })).toThrow(/CMS_BACKEND/);
  });

  test('the local decap-server URL, content root and public folder follow the environment', () => {
    const config = cmsConfig(cmsOptionsFromEnv({ DECAP_SERVER_URL: 'http://localhost:8082/api/v1', CONTENT_ROOT: '/tmp/corpus', PUBLIC_DIR: '/tmp/corpus-public' }));
    expect(config.local_backend).toEqual({ url: 'http://localhost:8082/api/v1' });
    expect(config.collections[0].folder).toBe('/tmp/corpus/programs');
    expect(config.media_folder).toBe('/tmp/corpus-public/uploads');
  });
});
