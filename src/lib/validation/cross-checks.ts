/**
 * Rules that span entries or touch the disk: references must exist, a program's
 * company must equal its business's company, uploaded files must exist with the
 * right bytes and size.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ATTACHMENT_MAX_BYTES } from '../../schemas/choices.ts';
import { ATTACHMENT_PATTERN, IMAGE_PATTERN, SLUG_PATTERN } from '../../schemas/fields.ts';
import { COLLECTIONS, type CollectionName } from '../../schemas/index.ts';
import { fieldMeta, type RefMeta } from '../../schemas/meta.ts';
import { bytesMatchExtension, extensionOf } from './file-type.ts';
import type { Problem } from './problem.ts';
import { labelsForPath, unwrap } from './schema-labels.ts';

export interface ValidEntry {
  collection: CollectionName;
  slug: string;
  file: string;
  data: Record<string, unknown>;
}

type Index = Map<CollectionName, Map<string, ValidEntry>>;

/** Markup that makes an SVG active (script, event handlers, javascript: links, embedded documents). */
const ACTIVE_SVG = /<script|<foreignObject|<iframe|<embed|<object|\son[a-z]+\s*=|javascript:/i;

/** Top-level fields of a collection that reference another collection. */
function refFields(collection: CollectionName): [string, RefMeta][] {
  const shape = (unwrap(COLLECTIONS[collection].schema) as unknown as { shape: Record<string, never> }).shape;
  return Object.entries(shape).flatMap(([key, schema]) => {
    const ref = fieldMeta(schema)?.ref;
    return ref ? [[key, ref] as [string, RefMeta]] : [];
  });
}

/** The upload path on disk, or a Korean reason why the URL cannot name a file under /uploads/. */
function diskPath(url: string, publicDir: string): { disk: string } | { reason: string } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    return { reason: '주소의 % 인코딩이 잘못되었습니다' };
  }
  // A path that climbs out of /uploads/ would be served from elsewhere on the site (or read outside public/).
  if (decoded.includes('\\') || decoded.split('/').some((part) => part === '..' || part === '.')) {
    return { reason: '경로에 .. 나 . 또는 \\ 를 쓸 수 없습니다 (/uploads/ 아래 파일만 쓸 수 있습니다)' };
  }
  return { disk: join(publicDir, decoded) };
}

function fileSize(disk: string): number | undefined {
  try {
    const stat = statSync(disk);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}

function checkFile(problems: Problem[], entry: ValidEntry, field: string, path: (string | number)[], url: string, publicDir: string, isImage: boolean): void {
  const label = labelsForPath(COLLECTIONS[entry.collection].schema, path) || undefined;
  const where = diskPath(url, publicDir);
  if ('reason' in where) {
    problems.push({ file: entry.file, field, label, value: url, message: where.reason, severity: 'error' });
    return;
  }
  const disk = where.disk;
  const size = fileSize(disk);
  if (size === undefined) {
    // macOS uploads keep Hangul file names decomposed (NFD): name the real cause when only the form differs.
    const variant = [disk.normalize('NFD'), disk.normalize('NFC')].find((d) => d !== disk && fileSize(d) !== undefined);
    const message = variant
      ? `파일 이름의 한글 조합 방식(NFC/NFD)이 다릅니다: 디스크의 ${variant} 를 NFC 이름으로 바꾸세요`
      : `파일이 없습니다: ${join(publicDir, url)} 에 올리거나 경로를 고치세요`;
    problems.push({ file: entry.file, field, label, value: url, message, severity: 'error' });
    return;
  }
  if (size > ATTACHMENT_MAX_BYTES) {
    problems.push({ file: entry.file, field, label, value: url, message: `파일이 20MB를 넘습니다 (${(size / 1048576).toFixed(1)}MB)`, severity: 'error' });
  }
  const ext = extensionOf(url);
  if (isImage && ext === 'svg') {
    // An SVG opened directly runs its scripts with the site's origin: only inert drawings are accepted.
    const active = ACTIVE_SVG.exec(readFileSync(disk, 'utf8'));
    if (active) {
      problems.push({ file: entry.file, field, label, value: url, message: `SVG 안에 실행되는 내용(${active[0].trim()})이 있습니다: 스크립트·이벤트 속성·외부 문서가 없는 SVG나 PNG로 올리세요`, severity: 'error' });
    }
    return;
  }
  if (isImage && (ext === 'webp' || ext === 'gif')) return;
  const head = new Uint8Array(8);
  const fd = openSync(disk, 'r');
  try {
    readSync(fd, head, 0, 8, 0);
  } finally {
    closeSync(fd);
  }
  if (!bytesMatchExtension(head, ext)) {
    problems.push({ file: entry.file, field, label, value: url, message: `파일 내용이 ${ext.toUpperCase()} 형식이 아닙니다 (확장자만 바꾼 파일인지 확인하세요)`, severity: 'error' });
  }
}

/** Run every cross-entry rule over the entries that passed their own schema. */
export function crossCheck(entries: ValidEntry[], publicDir: string): Problem[] {
  const problems: Problem[] = [];
  const index: Index = new Map();
  for (const e of entries) {
    if (!index.has(e.collection)) index.set(e.collection, new Map());
    index.get(e.collection)!.set(e.slug, e);
  }
  for (const entry of entries) {
    const schema = COLLECTIONS[entry.collection].schema;
    for (const [key, ref] of refFields(entry.collection)) {
      const target = entry.data[key];
      // A value that is not even a slug has its schema error already; "missing" would repeat it.
      if (typeof target !== 'string' || !SLUG_PATTERN.test(target)) continue;
      if (!index.get(ref.collection as CollectionName)?.has(target)) {
        problems.push({
          file: entry.file, field: key, label: labelsForPath(schema, [key]), value: target,
          message: `${COLLECTIONS[ref.collection as CollectionName].label} "${target}" 이(가) 없습니다 (content/${ref.collection}/${target}.md 를 만들거나 값을 고치세요)`,
          severity: 'error',
        });
      }
    }
    if (entry.collection === 'programs') {
      const business = index.get('businesses')?.get(entry.data.business as string);
      const companyExists = index.get('companies')?.has(entry.data.company as string);
      // A company that does not exist is already reported above; the mismatch would only repeat it.
      if (business && companyExists && business.data.company !== entry.data.company) {
        problems.push({
          file: entry.file, field: 'company', label: '기업명', value: entry.data.company,
          message: `사업 "${business.slug}"의 기업(${String(business.data.company)})과 같아야 합니다`,
          severity: 'error',
        });
      }
    }
    const attachments = entry.data.attachments;
    if (Array.isArray(attachments)) {
      attachments.forEach((a: { file?: unknown }, i) => {
        if (typeof a?.file === 'string' && ATTACHMENT_PATTERN.test(a.file)) checkFile(problems, entry, `attachments.${i}.file`, ['attachments', i, 'file'], a.file, publicDir, false);
      });
    }
    if (typeof entry.data.logo === 'string' && IMAGE_PATTERN.test(entry.data.logo)) checkFile(problems, entry, 'logo', ['logo'], entry.data.logo, publicDir, true);
  }
  return problems;
}
