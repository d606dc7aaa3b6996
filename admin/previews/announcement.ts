/** 포럼 공지 preview. */
import type { ReactNode } from 'react';
import { attachmentList, dateText, facts, h, hasText, markdown, page, read, refName, section, str, type Attachment, type PreviewProps } from './common.ts';

export function AnnouncementPreview(props: PreviewProps): ReactNode {
  const event = read<{ date?: string; place?: string }>(props, 'event');
  const attachments = read<Attachment[]>(props, 'attachments') ?? [];
  return page('포럼 공지', str(props, 'title'), [
    h('p', { className: 'entry-meta', key: 'meta' }, h('span', { className: 'tag' }, str(props, 'category') || '분류 입력 전'), h('span', null, dateText(str(props, 'publishedAt')))),
  ], [
    facts([
      ['관련 포럼', refName(props, 'forum', 'forums') || '없음'],
      ['행사', event?.date || event?.place ? [event.date ? dateText(event.date) : '', event.place].filter(Boolean).join(' · ') : '없음'],
      ['마감일', str(props, 'deadline') ? dateText(str(props, 'deadline')) : '없음'],
    ]),
    section('본문', markdown(props, 'body'), hasText(props, 'body')),
    section('첨부문서', attachmentList(attachments), attachments.length > 0),
  ]);
}
