/**
 * 동반성장 평가 "상생누리 활용" (실적평가, 가점) — the scoring tables of seed 001
 * ('18년도 공공기관 동반성장 평가지침(안), 3. 상생누리 활용) as data.
 * Every threshold, point value and cap lives here and nowhere else: the build-time
 * evaluation table, the company pages and the browser calculator all read this module.
 * The `source` strings quote 001 so the page can explain each rule in its own words.
 */

/** One row of a 구간 table: counts from `min` to `max` (inclusive; open-ended when absent) score `points`. */
export interface Tier {
  min: number;
  max?: number;
  points: number;
}

/** A rule scored by a count looked up in a tier table (①, ③, ④). */
export interface TierRule {
  kind: 'tiers';
  id: 'newPrograms' | 'directApplications' | 'openPrograms';
  /** Circled number used by 001. */
  mark: '①' | '③' | '④';
  /** 세부평가지표 as 001 names it. */
  title: string;
  /** The column header of the table: 확인개수 or 신청건수. */
  countLabel: string;
  /** 단위: 개 or 건. */
  unit: string;
  /** Highest points of the rule (배점 in the title, e.g. 1.5점). */
  max: number;
  /** Highest tier first, exactly the table's columns. */
  tiers: readonly Tier[];
  /** Can the site compute it from its own content? */
  fromContent: boolean;
  /** The source's wording of the rule and its notes. */
  source: readonly string[];
}

/** One 활용도 제고 channel: counted once however often it was used. */
export interface PromotionChannel {
  id: string;
  label: string;
}

/** ② 중소기업 활용도 제고 노력: 0.1 per item, at most 0.5. */
export interface PerItemRule {
  kind: 'perItem';
  id: 'promotion';
  mark: '②';
  title: string;
  unit: string;
  /** Points per recognised item (건당). */
  perItem: number;
  /** 최대 points. */
  max: number;
  /** Channels of which "같은 항목은 한 건만을 인정". */
  channels: readonly PromotionChannel[];
  /** Label of the item counted 건별 (every post counts). */
  perPostLabel: string;
  fromContent: boolean;
  source: readonly string[];
}

export type Rule = TierRule | PerItemRule;

/** 평가지표 groups of the table with their 배점. */
export interface IndicatorGroup {
  label: string;
  points: number;
  rules: readonly Rule['id'][];
}

/** ① 신규 등록된 상생협력 프로그램 개수 (1.5점), 단위: 개. */
export const NEW_PROGRAMS: TierRule = {
  kind: 'tiers',
  id: 'newPrograms',
  mark: '①',
  title: '신규 등록된 상생협력 프로그램 개수',
  countLabel: '확인개수',
  unit: '개',
  max: 1.5,
  tiers: [
    { min: 16, points: 1.5 },
    { min: 11, max: 15, points: 1.2 },
    { min: 6, max: 10, points: 0.9 },
    { min: 1, max: 5, points: 0.6 },
  ],
  fromContent: true,
  source: [
    '① 신규 등록된 상생협력 프로그램 개수(1.5점) 단위: 개 — 확인개수 16이상 1.5, 11 ~ 15 1.2, 6 ~ 10 0.9, 1 ~ 5 0.6',
    '※ 실적 산출 기간은 \'18.1.1~12.31로 함(이미 종료된 프로그램은 등록 불가)',
  ],
};

/** ② 중소기업 활용도 제고 노력 (건당 0.1점, 최대 0.5점). */
export const PROMOTION: PerItemRule = {
  kind: 'perItem',
  id: 'promotion',
  mark: '②',
  title: '중소기업 활용도 제고 노력',
  unit: '건',
  perItem: 0.1,
  max: 0.5,
  channels: [
    { id: 'banner', label: '홈페이지 배너 설치' },
    { id: 'notice', label: '홈페이지 안내 게재' },
    { id: 'sns', label: 'SNS 등 스크린샷 홍보 참여' },
    { id: 'letter', label: '내·외부 발송 공문에 상생누리 정보 제공' },
    { id: 'mail', label: '전체 메일에 상생누리 정보 제공' },
    { id: 'presentation', label: '외부 사업 발표(안내)' },
    { id: 'leaflet', label: '리플릿 배포' },
    { id: 'sms', label: '문자 발송 활용' },
  ],
  perPostLabel: '상생협력 활동 정보 제공 (상생정보통·카드뉴스 게재 건수)',
  fromContent: false,
  source: [
    '② 중소기업 활용도 제고 노력(건당0.1점, 최대0.5점)',
    '- 중소기업이 상생누리에 참여할 수 있도록 각종 매체를 통해 안내: 홈페이지 배너 설치, 안내 게재, SNS 등 각종 스크린샷 홍보 참여 · 내·외부 발송 공문이나 전체 메일에 상생누리 정보 제공 · 외부 사업 발표(안내), 리플릿 배포, 문자 발송 활용',
    '- 기업(관)의 대중소기업 간 상생협력 활동 정보를 상생누리에 제공(건당): 등록 프로그램 외 협약, 행사, 기금 조성 등의 상생협력 활동에 대한 정보를 게시판(상생정보통)카드뉴스에 게재',
    '※ 중소기업 활용도 제고는 같은 항목은 한 건만을 인정 - 홈페이지 배너 설치, 발표, 리플릿 배포, 공문 발송 등 - 단, 기업(관)의 대중소기업 간 상생협력 활동 정보를 상생누리에 제공은 건별 인정',
    '※ (활용도 제고 노력) 기안문, 캡처 화면, 사진 등 증빙 가능한 자료',
  ],
};

/** ③ and ④ share one table in 001: 6이상 1.0, 5 0.8, 4 0.6, 3 0.4, 2 0.2 (1 or 0: no points). */
const SIX_OR_MORE_TIERS: TierRule['tiers'] = [
  { min: 6, points: 1.0 },
  { min: 5, max: 5, points: 0.8 },
  { min: 4, max: 4, points: 0.6 },
  { min: 3, max: 3, points: 0.4 },
  { min: 2, max: 2, points: 0.2 },
];

/** ③ 중소기업이 상생누리를 통해 직접 신청형 프로그램에 참여한 실적 (1.0점), 단위: 건. */
export const DIRECT_APPLICATIONS: TierRule = {
  kind: 'tiers',
  id: 'directApplications',
  mark: '③',
  title: '중소기업이 상생누리를 통해 직접 신청형 프로그램에 참여한 실적',
  countLabel: '신청건수',
  unit: '건',
  max: 1.0,
  tiers: SIX_OR_MORE_TIERS,
  fromContent: false,
  source: [
    '③ 중소기업이 상생누리를 통해 직접 신청형 프로그램에 참여한 실적(1.0점) 단위: 건 — 신청건수 6이상 1.0, 5 0.8, 4 0.6, 3 0.4, 2 0.2',
    '* 상생누리를 통해서 중소기업이 상생협력 프로그램에 지원하는 형태로 단순 광고, 홈페이지 연결 등은 제외',
    '※ 중소기업의 직접 신청형 프로그램 참여 실적은 상생누리 홈페이지에서 접수된 신청 내역을 재단 담당자가 직접 확인',
    '※ 직접 신청형 프로그램은 참여 중소기업 중 일부만 상생누리를 통해 점수가 가능해도 인정',
  ],
};

/** ④ 미연계 기업까지 전체 개방한 상생협력 프로그램 등록 개수 (1.0점), 단위: 개. */
export const OPEN_PROGRAMS: TierRule = {
  kind: 'tiers',
  id: 'openPrograms',
  mark: '④',
  title: '미연계 기업까지 전체 개방한 상생협력 프로그램 등록 개수',
  countLabel: '확인개수',
  unit: '개',
  max: 1.0,
  tiers: SIX_OR_MORE_TIERS,
  fromContent: true,
  source: [
    '④ 미연계 기업까지 전체 개방한 상생협력 프로그램 등록 개수(1.0점) 단위: 개 — 확인개수 6이상 1.0, 5 0.8, 4 0.6, 3 0.4, 2 0.2',
    '※ 실적 산출 기간은 \'18.1.1~12.31로 함(이미 종료된 프로그램은 등록 불가)',
  ],
};

/** The four rules in the order of the source table. */
export const RULES: readonly Rule[] = [NEW_PROGRAMS, PROMOTION, DIRECT_APPLICATIONS, OPEN_PROGRAMS];

/** "※ 총 합산 4.0점 이내에서 인정". */
export const TOTAL_CAP = 4.0;

/** 평가지표 and 배점 of the table: 동반성장 환경 조성 노력 2.0점 (①②), 신규 및 잠재 협력사 발굴 2.0점 (③④). */
export const INDICATOR_GROUPS: readonly IndicatorGroup[] = [
  { label: '동반성장 환경 조성 노력', points: 2.0, rules: ['newPrograms', 'promotion'] },
  { label: '신규 및 잠재 협력사 발굴', points: 2.0, rules: ['directApplications', 'openPrograms'] },
];

/** General notes of 001 that apply to the whole score. */
export const GENERAL_NOTES: readonly string[] = [
  '(평가내용) 공공기관의 상생협력·동반성장 프로그램을 미연계 기업에 개방하고, 중소기업이 참여한 실적을 평가',
  '※ 총 합산 4.0점 이내에서 인정',
  '※ (중기부) 상생누리를 통한 실적만 인정',
  '※ 실적 산출 기간은 \'18.1.1~12.31로 함(이미 종료된 프로그램은 등록 불가)',
  '※ 해당 부서에서 승인(인정)된 사항에 한함',
  '※ 프로그램 운영에 대한 증빙이 가능한 내부 기안문, 결과보고 등 - 지원 기간, 내용, 대상(미연계 개방 등) 등의 확인이 가능한 자료',
];
