/** 참여기업 preview: the 협력사 등록 안내 page. */
import type { ReactNode } from 'react';
import { facts, h, hasText, markdown, page, read, section, str, type PreviewProps } from './common.ts';

interface Registration {
  url?: string;
  documents?: string[];
  contact?: { department?: string; phone?: string; email?: string };
}

export function CompanyPreview(props: PreviewProps): ReactNode {
  const registration = read<Registration>(props, 'registration') ?? {};
  const name = str(props, 'name');
  const logo = str(props, 'logo');
  const homepage = str(props, 'homepage');
  const contact = registration.contact ?? {};
  return page('참여기업', name, [
    h('span', { className: 'company-mark', key: 'mark', 'aria-hidden': logo ? undefined : 'true' },
      logo ? h('img', { src: String(props.getAsset(logo) ?? logo), alt: `${name} 로고` }) : name.slice(0, 1)),
  ], [
    facts([
      ['기업분류', str(props, 'class')],
      ['업종', str(props, 'industry')],
      ['홈페이지', homepage ? h('a', { href: homepage.includes('@') ? `mailto:${homepage}` : homepage }, homepage) : ''],
      ['사업자등록번호', str(props, 'businessNumber')],
      ['대표자명', str(props, 'representative')],
      ['기업주소', str(props, 'address')],
    ]),
    section(
      '협력사 등록 안내',
      facts([
        ['등록 주소', registration.url ? h('a', { href: registration.url }, registration.url) : ''],
        ['제출서류', (registration.documents ?? []).filter(Boolean).join(', ')],
        ['등록 문의처', [contact.department, contact.phone, contact.email].filter(Boolean).join(' · ')],
      ]),
    ),
    section('협력사 등록 절차', markdown(props, 'body'), hasText(props, 'body')),
  ]);
}
