/** 계획·보도자료 preview: KPI cards, the schedule timeline and the 공공누리 license. */
import type { ReactNode } from 'react';
import { attachmentList, dateText, facts, h, hasText, markdown, page, read, section, str, type Attachment, type PreviewProps } from './common.ts';

interface Target {
  label?: string;
  value?: number;
  unit?: string;
  baseline?: string;
}

interface Step {
  when?: string;
  items?: string[];
}

export function PlanPreview(props: PreviewProps): ReactNode {
  const targets = read<Target[]>(props, 'targets') ?? [];
  const schedule = read<Step[]>(props, 'schedule') ?? [];
  const attachments = read<Attachment[]>(props, 'attachments') ?? [];
  const license = str(props, 'license');
  return page('계획·보도자료', str(props, 'title'), [
    h('p', { className: 'page-lead', key: 'summary' }, str(props, 'summary')),
  ], [
    facts([
      ['발행기관', str(props, 'organization')],
      ['발행일', dateText(str(props, 'publishedAt'))],
      ['문서 유형', str(props, 'docType')],
      ['태그', (read<string[]>(props, 'tags') ?? []).filter(Boolean).join(', ')],
      ['출처', str(props, 'source')],
    ]),
    section(
      '성과지표',
      h('dl', { className: 'kpi-grid' }, targets.map((t, i) => h('div', { className: 'kpi', key: i },
        h('dt', null, t.label ?? ''),
        h('dd', { className: 'kpi-value' }, `${t.value ?? ''}${t.unit ?? ''}`),
        t.baseline ? h('dd', { className: 'kpi-baseline' }, `기준 ${t.baseline}`) : null))),
      targets.length > 0,
    ),
    section(
      '추진일정',
      h('ol', { className: 'timeline' }, schedule.map((s, i) => h('li', { key: i }, h('h3', null, s.when ?? ''), h('ul', null, (s.items ?? []).map((item, j) => h('li', { key: j }, item)))))),
      schedule.length > 0,
    ),
    section('본문', markdown(props, 'body'), hasText(props, 'body')),
    section('첨부문서', attachmentList(attachments), attachments.length > 0),
    section('이용허락', h('p', { className: 'license' }, license === '공공누리 제4유형'
      ? '공공누리 제4유형 (출처표시 · 상업적 이용금지 · 변경금지): 원문을 바꾸지 않고 그대로 게시합니다.'
      : license || '(입력 전)')),
  ]);
}
