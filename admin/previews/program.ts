/** 프로그램 preview: the detail page's facts with the derived 진행단계 and D-day. */
import type { ReactNode } from 'react';
import { today } from '../../src/lib/dates.ts';
import { ddayLabel, programStatus, type Period } from '../../src/lib/status.ts';
import { attachmentList, facts, h, hasText, markdown, page, periodText, read, refName, section, str, type Attachment, type PreviewProps } from './common.ts';

function complete(p: Partial<Period> | undefined): p is Period {
  return Boolean(p?.start && p?.end);
}

/** 진행단계 and D-day as the site computes them today (Asia/Seoul), in the site's badge markup. */
export function statusBadge(apply: Partial<Period> | undefined, support: Partial<Period> | undefined, day: string): ReactNode {
  if (!complete(apply) || !complete(support)) {
    return h('p', { className: 'muted', key: 'status' }, '진행단계: 신청기간과 지원기간을 입력하면 표시됩니다');
  }
  const status = programStatus(apply, support, day);
  const dday = ddayLabel(apply, day);
  return h(
    'span',
    { className: 'program-status program-status-large', 'data-status': status, key: 'status' },
    h('span', { className: 'badge', 'data-status': status }, status),
    dday ? h('span', { className: 'dday' }, dday) : null,
  );
}

export function ProgramPreview(props: PreviewProps): ReactNode {
  const apply = read<Partial<Period>>(props, 'applyPeriod');
  const support = read<Partial<Period>>(props, 'supportPeriod');
  const regions = read<string[]>(props, 'regions') ?? [];
  const contact = read<{ department?: string; phone?: string; email?: string }>(props, 'contact') ?? {};
  const applyOnline = read<boolean>(props, 'applyOnline') === true;
  const applyUrl = str(props, 'applyUrl');
  const attachments = read<Attachment[]>(props, 'attachments') ?? [];
  return page('프로그램', str(props, 'title'), [
    statusBadge(apply, support, today({})),
    h('p', { className: 'page-lead', key: 'summary' }, str(props, 'summary')),
  ], [
    facts([
      ['사업명', refName(props, 'business', 'businesses')],
      ['기업명', refName(props, 'company', 'companies')],
      ['목적', str(props, 'purpose')],
      ['지원분야', str(props, 'field')],
      ['지원대상', str(props, 'audience')],
      ['신청기간', periodText(apply)],
      ['지원기간', periodText(support)],
      ['진행지역', regions.join(', ')],
      ['문의처', [contact.department, contact.phone, contact.email].filter(Boolean).join(' · ')],
      ['신청', applyOnline
        ? h('a', { className: 'btn btn-primary btn-small', href: applyUrl || '#' }, applyUrl ? '신청하기' : '신청 주소 입력 전')
        : h('span', { className: 'apply-kind', 'data-apply-kind': '공고' }, '공고')],
      ['등록일', str(props, 'registeredAt')],
    ]),
    section('지원대상 상세조건', markdown(props, 'eligibility'), hasText(props, 'eligibility')),
    section('신청방법', markdown(props, 'howToApply'), hasText(props, 'howToApply')),
    section('지원내용', markdown(props, 'body'), hasText(props, 'body')),
    section('기타', markdown(props, 'notes'), hasText(props, 'notes')),
    section('첨부문서', attachmentList(attachments), attachments.length > 0),
  ]);
}
