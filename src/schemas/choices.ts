/** The closed vocabularies of SPEC §2, in the order the source documents list them. */

/** 지원분야: the ten fields of support of the 프로그램 등록 form (001). */
export const FIELDS = [
  '금융지원', '기술지원', '교육지원', '판로지원', '컨설팅지원',
  '특허지원', '인력지원', '해외진출지원', '복지지원', '기타지원',
] as const;

/** 지원대상, narrowest to widest; 전체 오픈 = open to 미연계 중소기업 too. */
export const AUDIENCES = ['협력사 지원', '계열사 오픈', '부분 오픈', '전체 오픈'] as const;

/** 진행지역; 전국 excludes the others. */
export const REGIONS = [
  '전국', '서울', '부산', '대구', '인천', '광주', '대전', '울산', '세종',
  '경기', '강원', '충북', '충남', '전북', '전남', '경북', '경남', '제주',
] as const;

/** 기업분류. */
export const COMPANY_CLASSES = ['대기업', '공공기관', '중견기업', '중소기업'] as const;

/** 정책포럼 운영 상태. */
export const FORUM_STATUSES = ['운영중', '종료'] as const;

/** 포럼 공지 분류. */
export const ANNOUNCEMENT_CATEGORIES = [
  '토론회·워크샵', '정책제안 공모', '선정 결과', '지식포인트', '정책메이트', '간담회', '일반',
] as const;

/** 계획·보도자료 문서 유형. */
export const DOC_TYPES = ['기본계획', '업무계획', '보도자료', '안내서'] as const;

/** 공공누리 license types, plus `none` for documents without one. */
export const LICENSES = ['공공누리 제1유형', '공공누리 제2유형', '공공누리 제3유형', '공공누리 제4유형', '없음'] as const;

/** 진행단계, derived from the periods (never typed by hand). */
export const STATUSES = ['예정', '모집중', '진행중', '종료'] as const;

/** Attachment file types allowed by SPEC §2 (lower-case extensions). */
export const ATTACHMENT_TYPES = ['pdf', 'hwp', 'hwpx', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'jpg', 'jpeg', 'png', 'zip'] as const;

/** Maximum attachment size in bytes (20 MB). */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

export type Field = (typeof FIELDS)[number];
export type Audience = (typeof AUDIENCES)[number];
export type Region = (typeof REGIONS)[number];
export type CompanyClass = (typeof COMPANY_CLASSES)[number];
export type Status = (typeof STATUSES)[number];
