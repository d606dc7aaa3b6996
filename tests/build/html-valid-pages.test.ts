/**
 * HTML validity: every page of the test build passes html-validate with no errors.
 * Rules: html-validate's recommended set, adjusted to what HTML (the living standard) allows:
 * - void-style, doctype-style off: spelling that HTML leaves free;
 * - tel-non-breaking off: a U+2011 hyphen in phone numbers breaks copy-and-dial;
 * - valid-id relaxed: HTML ids only need to be non-empty without spaces (Korean heading ids
 *   such as "1-중소기업-정책포럼이란" are valid);
 * - form-dup-name: checkbox groups share a name (field=a&field=b), as radio groups do.
 * <template> contents are inert until a script fills their empty slots, so they are not
 * validated as page content. Everything about structure, ids, nesting, attributes, headings
 * and accessible names stays an error.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { TEST_DIST } from '../helpers/paths.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    'void-style': 'off',
    'doctype-style': 'off',
    'tel-non-breaking': 'off',
    'valid-id': ['error', { relaxed: true }],
    'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
  },
});

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? htmlFiles(full) : name.endsWith('.html') ? [full] : [];
  });
}

describe('every built page is valid HTML', () => {
  const pages = htmlFiles(TEST_DIST);

  it('there are pages to validate', () => {
    expect(pages.length).toBeGreaterThan(20);
  });

  it('no page has an html-validate error', async () => {
    const errors: string[] = [];
    for (const file of pages) {
      const html = readFileSync(file, 'utf8').replace(/(<template\b[^>]*>)[\s\S]*?(<\/template>)/gi, '$1$2');
      const report = await validator.validateString(html, relative(TEST_DIST, file));
      for (const result of report.results) {
        for (const m of result.messages) {
          if (m.severity === 2) errors.push(`${result.filePath}:${m.line}:${m.column} ${m.ruleId} — ${m.message}`);
        }
      }
    }
    // Joined, so a failure prints every line (page:line:column rule — message).
    expect(errors.join('\n')).toBe('');
  });

  it('the validator really fails invalid HTML (duplicate id, nested link, missing alt)', async () => {
    const report = await validator.validateString('<!doctype html><html lang="ko"><head><title>x</title></head><body><p id="a"></p><p id="a"><a href="/"><a href="/b">x</a></a><img src="/x.png"></p></body></html>');
    expect(report.valid).toBe(false);
    const rules = report.results.flatMap((r) => r.messages.map((m) => m.ruleId));
    expect(rules).toEqual(expect.arrayContaining(['no-dup-id', 'element-permitted-content', 'wcag/h37']));
  });
});
