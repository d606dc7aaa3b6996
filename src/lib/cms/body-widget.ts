/**
 * The Decap widget for Markdown text: bodies (지원내용, 본문 …) and Markdown front-matter
 * fields (지원대상 상세조건, 신청방법, 기타). Chosen by measurement (README "CMS", and
 * tests/e2e/cms-ime.test.ts which types every field through CDP IME composition):
 *
 * - Decap's stock `string`/`text` controls lose or double the syllable being composed when the
 *   first change of a new entry re-renders the editor (한글 → 한ㄱ글; 4 of 12 runs).
 *   admin/widgets/ime-text.ts replaces both; with it every field kept every syllable.
 * - `markdown` and `richtext` (Slate) also kept the Hangul in these runs, but both rewrite the
 *   whole body on save: one typed word re-padded a pipe table (9 of 12 lines changed), and
 *   `richtext` did so even when the body was not touched. 공공누리 제4유형 documents must stay
 *   unaltered and merged-cell HTML tables must survive, so bodies are edited as Markdown source
 *   in a plain text area (changed only where the editor types) and the preview pane renders it.
 */
import type { MarkdownWidget } from './fields.ts';

export const MARKDOWN_WIDGET: MarkdownWidget = 'text';

/** Help text added to every Markdown field, since the editor writes Markdown source. */
export const MARKDOWN_HINT = 'Markdown으로 씁니다: `## 소제목`, `- 목록`, `**굵게**`, `[링크](https://…)`, `| 표 |` (오른쪽 미리보기에서 확인)';
