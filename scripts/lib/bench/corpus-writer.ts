/**
 * Writes a generated corpus as a content root: one folder per collection of Markdown
 * files with YAML front matter (strings double-quoted, so dates stay text and no YAML
 * 1.1 parser turns them into Date objects; multi-line Markdown as literal blocks), the
 * non-generated collections copied from the shipped content, and a public folder `.public` (the
 * shipped public/ plus the corpus uploads) for PUBLIC_DIR.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { Document, isScalar, visit } from 'yaml';
import type { CorpusEntry, CorpusFile } from './corpus-entries.ts';

/**
 * The manifest and the public folder sit inside the content root under dot names, which the
 * content gate skips (it warns about any other top-level entry that is not a collection).
 */
export const MANIFEST_NAME = '.corpus.json';
export const PUBLIC_NAME = '.public';

/** Collections taken as they are from the shipped content (only programs, businesses, companies are generated). */
export const COPIED_COLLECTIONS = ['forums', 'announcements', 'plans', 'guides'] as const;

/** A content file: `---`, YAML front matter, `---`, Markdown body. */
export function toMarkdown(data: Record<string, unknown>, body: string): string {
  const doc = new Document(data);
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && node.value.includes('\n')) node.type = 'BLOCK_LITERAL';
    },
    Pair(_key, pair) {
      if (isScalar(pair.key)) pair.key.type = 'PLAIN';
    },
  });
  const yaml = doc.toString({ defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0, minContentWidth: 0 });
  return `---\n${yaml}---\n${body ? `\n${body}` : ''}`;
}

/**
 * Refuse to write into the shipped content, the repository itself, or a non-empty folder
 * that is not a corpus (a typo in CONTENT_ROOT must not delete someone's files).
 */
export function assertSafeRoot(root: string, repoRoot: string, shippedContent: string): void {
  const abs = resolve(root);
  const inside = (parent: string) => {
    const rel = relative(resolve(parent), abs);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  };
  if (inside(shippedContent) || abs === resolve(repoRoot) || inside(join(repoRoot, 'src')) || inside(join(repoRoot, 'public'))) {
    throw new Error(`CONTENT_ROOT=${root} 은(는) 저장소의 콘텐츠·소스 폴더입니다. /tmp/corpus-10000 처럼 별도 폴더를 지정하세요`);
  }
  if (existsSync(abs) && readdirSync(abs).length > 0 && !existsSync(join(abs, MANIFEST_NAME))) {
    throw new Error(`${root} 에 코퍼스가 아닌 파일이 있습니다 (${MANIFEST_NAME} 없음). 빈 폴더나 새 경로를 지정하세요`);
  }
}

/** Rewrite relative `import … from './x'` specifiers of an MDX guide so they still resolve from the copy. */
export function absolutiseMdxImports(source: string, originalDir: string): string {
  return source.replace(/^(\s*(?:import|export)\b[^'"\n]*\bfrom\s*)(['"])(\.{1,2}\/[^'"]+)\2/gm, (_m, head: string, quote: string, spec: string) => `${head}${quote}${resolve(originalDir, spec)}${quote}`);
}

function copyCollection(from: string, to: string): number {
  if (!existsSync(from)) return 0;
  mkdirSync(to, { recursive: true });
  let count = 0;
  for (const name of readdirSync(from).sort()) {
    const full = join(from, name);
    if (!statSync(full).isFile()) continue;
    if (name.endsWith('.mdx')) writeFileSync(join(to, name), absolutiseMdxImports(readFileSync(full, 'utf8'), resolve(from)));
    else writeFileSync(join(to, name), readFileSync(full));
    if (name.endsWith('.md') || name.endsWith('.mdx')) count++;
  }
  return count;
}

export interface WriteResult {
  /** Files per collection (generated and copied). */
  counts: Record<string, number>;
  /** Upload files written by the generator. */
  uploads: number;
  publicDir: string;
}

/** Replace `root` with the corpus: generated entries, copied collections, and the public folder. */
export function writeCorpus(root: string, entries: CorpusEntry[], files: CorpusFile[], shipped: { content: string; public: string }): WriteResult {
  mkdirSync(root, { recursive: true });
  for (const name of readdirSync(root)) rmSync(join(root, name), { recursive: true, force: true });
  const counts: Record<string, number> = {};
  for (const e of entries) {
    const dir = join(root, e.collection);
    if (!(e.collection in counts)) {
      mkdirSync(dir, { recursive: true });
      counts[e.collection] = 0;
    }
    writeFileSync(join(dir, `${e.slug}.md`), toMarkdown(e.data, e.body));
    counts[e.collection]++;
  }
  for (const name of COPIED_COLLECTIONS) counts[name] = copyCollection(join(shipped.content, name), join(root, name));
  const publicDir = join(root, PUBLIC_NAME);
  if (existsSync(shipped.public)) cpSync(shipped.public, publicDir, { recursive: true, dereference: true });
  mkdirSync(publicDir, { recursive: true });
  for (const f of files) {
    const target = join(publicDir, f.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.bytes);
  }
  return { counts, uploads: files.length, publicDir };
}
