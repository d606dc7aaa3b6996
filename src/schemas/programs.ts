/** programs — 상생협력 프로그램, the 프로그램 등록 form of 001 field by field. */
import { z } from 'zod';
import { AUDIENCES, FIELDS, REGIONS } from './choices.ts';
import { attachments, bool, choice, contact, httpsUrl, isoDate, markdown, period, ref, text } from './fields.ts';

/** 진행지역: non-empty, no repeats, 전국 alone. */
const regions = z
  .array(choice('지역', REGIONS))
  .min(1, '진행지역을 하나 이상 고르세요')
  .superRefine((list, ctx) => {
    if (new Set(list).size !== list.length) {
      ctx.addIssue({ code: 'custom', input: list, message: '같은 지역이 두 번 있습니다' });
    }
    if (list.includes('전국') && list.length > 1) {
      ctx.addIssue({ code: 'custom', input: list, message: '전국은 다른 지역과 함께 고를 수 없습니다' });
    }
  })
  .meta({ label: '진행지역', hint: '전국을 고르면 다른 지역은 고를 수 없습니다' });

export const programSchema = z
  .object({
    /** 프로그램명, e.g. "2018년 6월 중소기업 무상 온라인 교육". A title without a year is a build warning. */
    title: text('프로그램명', { max: 200, hint: '프로그램명에는 시기를 명시하시기 바랍니다 (예: 2016년 XXX, 2016년 1분기 XXX)' }),
    /** 사업명: slug of the business (사업) this program belongs to. */
    business: ref('사업명', 'businesses', 'name', { hint: '등록하신 사업명을 검색해 고르세요' }),
    /** 기업명: slug of the operating company; must equal the business's company. */
    company: ref('기업명', 'companies', 'name', { hint: '사업을 등록한 기업과 같아야 합니다' }),
    /** 프로그램개요, 1–200 characters. */
    summary: text('프로그램개요', { max: 200, widget: 'text', hint: '세부 프로그램에 대한 요약 정리 (200자 이내)' }),
    /** 목적, 1–200 characters, from the SME's point of view. */
    purpose: text('목적', { max: 200, widget: 'text', hint: '해당 프로그램을 통한 궁극적 목적 명시 (중소기업 관점 위주, 200자 이내)' }),
    /** 지원분야, one of ten. */
    field: choice('지원분야', FIELDS, { hint: '금융, 교육, 판로, 특허 등 10개 분야 중 택1' }),
    /** 지원대상, narrowest (협력사 지원) to widest (전체 오픈). */
    audience: choice('지원대상', AUDIENCES, { hint: '전체 오픈부터 협력사 지원까지 단계별 범위 설정 (전체 오픈 = 미연계 중소기업까지 개방)' }),
    /** 신청기간: the days applications are really accepted. */
    applyPeriod: period('신청기간', { hint: '해당 프로그램의 실제 신청 가능한 기간' }),
    /** 지원기간. */
    supportPeriod: period('지원기간'),
    /** 진행지역. */
    regions,
    /** 문의처: required for questions and consultation. */
    contact: contact('문의처', { hint: '질의, 상담 등을 위한 필수 기재사항' }),
    /** 신청여부: true → applications through the site (listing shows 신청), false → 공고. */
    applyOnline: bool('신청여부', { hint: '상생누리 홈페이지에서 신청 가능하면 켜고 신청 주소를 입력하세요' }),
    /** 신청 주소 (https), required when applyOnline is true. */
    applyUrl: httpsUrl('신청 주소').optional(),
    /** 지원대상 상세조건. */
    eligibility: markdown('지원대상 상세조건', { hint: '프로그램에 지원 가능한 중소기업에 대한 제한사항 안내 등' }).optional(),
    /** 신청방법. */
    howToApply: markdown('신청방법', { hint: '온·오프라인(이메일·방문접수 등) 신청 방법, 주의사항, 제출서류' }).optional(),
    /** 기타. */
    notes: markdown('기타', { hint: '기타 세부사항 및 담당자 문의처 등' }).optional(),
    /** 첨부문서. */
    attachments: attachments('첨부문서', { hint: '업무절차서, 신청서, 공모, 리플릿, 포스터 (PDF, HWP, HWPX, DOC(X), XLS(X), PPT(X), JPG, PNG, ZIP · 20MB 이하)' }),
    /** 등록일: drives 신규 등록 counts and the trend chart. */
    registeredAt: isoDate('등록일'),
  })
  .superRefine((p, ctx) => {
    if (p.applyOnline && !p.applyUrl) {
      ctx.addIssue({ code: 'custom', path: ['applyUrl'], input: p.applyUrl, message: '신청여부가 "신청"이면 신청 주소(https)가 필요합니다' });
    }
  })
  .meta({ label: '프로그램' });

export type Program = z.infer<typeof programSchema>;
