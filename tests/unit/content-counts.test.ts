/**
 * The shipped content/ tree: it passes the content gate with no errors, and every seed item
 * of issue 2 (point 5) is an entry, counted per collection and checked against the source
 * documents (a copy of ../shared/seeds in tests/fixtures/seeds, so a clone tests on its own).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../src/lib/validation/frontmatter.ts';
import { validateContent } from '../../src/lib/validation/validate-content.ts';
import type { CollectionName } from '../../src/schemas/index.ts';
import { ROOT } from '../helpers/paths.ts';

const result = validateContent({ contentDir: join(ROOT, 'content'), publicDir: join(ROOT, 'public'), cwd: ROOT });
type Data = Record<string, any>;

function entries(collection: CollectionName): Map<string, Data> {
  return new Map(result.entries.filter((e) => e.collection === collection).map((e) => [e.slug, e.data as Data]));
}
function entry(collection: CollectionName, slug: string): Data {
  const data = entries(collection).get(slug);
  if (!data) throw new Error(`content/${collection}/${slug}.md is missing`);
  return data;
}
function body(collection: CollectionName, slug: string): string {
  return parseFrontmatter(readFileSync(join(ROOT, 'content', collection, `${slug}.md`), 'utf8')).body;
}
/** The seed documents, as shipped with the project brief. */
function seed(name: string): string[] {
  return readFileSync(join(ROOT, 'tests/fixtures/seeds', name), 'utf8').split('\n');
}
const strip = (line: string) => line.replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, '');

describe('the shipped content passes the content gate', () => {
  it('has no errors', () => {
    expect(result.errors).toEqual([]);
  });

  it('warns only for the year-less program titles the source itself uses', () => {
    expect(result.warnings.map((w) => w.value).sort()).toEqual([
      '[교육] 생산계획수립(5/30~31)',
      '[교육] 원자력 품질보증실무(5/29~31)',
      'TEST-BED 사업',
      '네이버 파트너 스퀘어',
      '두산중공업 직무교육',
      '싱가포르 국제 물주간(Singapore International Water Week) 참여 기업 공모',
      '한국관광공사 근로자 휴가지원 사업',
    ].sort());
  });

  it('counts one entry per seed item in every collection', () => {
    const counts = Object.fromEntries(
      ['programs', 'businesses', 'companies', 'forums', 'announcements', 'plans', 'guides'].map((c) => [c, entries(c as CollectionName).size]),
    );
    expect(counts).toEqual({
      // 001: 11 valid table rows + 3 등록 사례 + 6 programs of the 진행단계 screen.
      programs: 20,
      // 001: one per operating company (11) + the foundation's 6 businesses.
      businesses: 17,
      // 001: 11 operating companies + the foundation + the 7 of the 협력사 등록 안내 list.
      companies: 19,
      // 000: the five forums of 2004.5.
      forums: 5,
      // 000: 토론회·워크샵, 나중구매, 지식포인트, 정책메이트, 간담회, 우수정책제안설명회.
      announcements: 6,
      // 002, 003, 004.
      plans: 3,
      guides: 4,
    });
  });
});

describe('programs from 001', () => {
  // slug, 프로그램명, company, 지원대상, 지원분야, 신청기간, 지원기간, 참여신청 — as the source table prints them.
  const TABLE: [string, string, string, string, string, string, string, '신청' | '공고'][] = [
    ['2018-singapore-water-week', '싱가포르 국제 물주간(Singapore International Water Week) 참여 기업 공모', 'kwater', '전체 오픈', '판로지원', '2018-05-03~ 2018-05-13', '2018-07-08~ 2018-07-12', '공고'],
    ['2018-06-kdn-online-education', '2018년 6월 중소기업 무상 온라인 교육', 'kdn', '전체 오픈', '교육지원', '2018-05-09~ 2018-05-20', '2018-06-01~ 2018-06-30', '공고'],
    ['2018-komipo-test-bed', 'TEST-BED 사업', 'komipo', '전체 오픈', '기타지원', '2018-05-02~ 2018-05-15', '2018-06-01~ 2018-12-31', '공고'],
    ['2018-kowepo-2019-research-projects', '[2018 서부발전] 2019년 수행 신규 연구과제 공모', 'kowepo', '전체 오픈', '기술지원', '2018-05-01~ 2018-05-30', '2018-05-31~ 2019-12-31', '공고'],
    ['2018-doosan-production-planning-education', '[교육] 생산계획수립(5/30~31)', 'doosan-heavy', '전체 오픈', '교육지원', '2018-04-16~ 2018-05-22', '2018-05-30~ 2018-05-31', '신청'],
    ['2018-doosan-nuclear-quality-assurance-education', '[교육] 원자력 품질보증실무(5/29~31)', 'doosan-heavy', '전체 오픈', '교육지원', '2018-04-16~ 2018-05-21', '2018-05-29~ 2018-05-31', '신청'],
    ['2018-hyundai-autoever-solution-day', '2018 현대오토에버 Solution Day', 'hyundai-autoever', '전체 오픈', '판로지원', '2018-04-16~ 2018-05-11', '2018-05-24~ 2018-12-31', '공고'],
    ['2018-koen-partner-promotion', '2018년 협력중소기업 홍보지원사업', 'koen', '협력사 지원', '판로지원', '2018-05-09~ 2018-05-18', '2018-05-09~ 2018-05-18', '공고'],
    ['2018-kospo-green-factory', '2018년 KOSPO 그린팩토리 지원 사업 참여업체 모집', 'kospo', '전체 오픈', '컨설팅지원', '2018-04-23~ 2018-05-11', '2018-05-01~ 2018-12-31', '신청'],
    ['2018-icpa-winwin-idea-contest', '2018년 동반성장 대외아이디어 공모전', 'icpa', '협력사 지원', '기타지원', '2018-05-01~ 2018-05-31', '2018-05-01~ 2018-05-31', '공고'],
    ['2018-icpa-equipment-fund', '2018년 인천항 상생혁신 설비자금 지원사업', 'icpa', '협력사 지원', '기타지원', '2018-05-01~ 2018-12-31', '2018-05-01~ 2018-12-31', '신청'],
  ];
  const period = (text: string) => {
    const [start, end] = text.split('~').map((s) => s.trim());
    return { start, end };
  };

  it.each(TABLE)('%s is the table row 「%s」', (slug, title, company, audience, field, apply, support, mode) => {
    const p = entry('programs', slug);
    expect(p.title).toBe(title);
    expect(p.company).toBe(company);
    expect(entry('businesses', p.business).company).toBe(company);
    expect(p.audience).toBe(audience);
    expect(p.field).toBe(field);
    expect(p.applyPeriod).toEqual(period(apply));
    expect(p.supportPeriod).toEqual(period(support));
    expect(p.applyOnline).toBe(mode === '신청');
    if (mode === '신청') expect(p.applyUrl).toMatch(/^https:\/\//);
  });

  it('the table rows come from the seed itself (11 valid rows, the two impossible ones left out)', () => {
    const rows = seed('001_f6672c12b491e273.txt').filter((l) => /\t모집중\t(신청|공고)$/.test(l));
    expect(rows).toHaveLength(13);
    const valid = rows.slice(0, 11).map((l) => l.split('\t'));
    expect(valid.map((c) => [c[0], c[2], c[3], c[4], c[5], c[7]])).toEqual(TABLE.map((t) => [t[1], t[3], t[4], t[5], t[6], t[7]]));
    const titles = [...entries('programs').values()].map((p) => p.title);
    expect(titles).not.toContain('2018년 2월 15일 신규 등록 우수기업 홍보사업');
  });

  it('the 2017 구매상담회 and the other programs of the 진행단계 screen carry its dates', () => {
    const screen: [string, string, string, string, string][] = [
      ['2017-purchase-consultation', 'purchase-consultation', '판로지원', '2017-05-15~2017-05-26', '2017-06-22~2017-06-22'],
      ['2017-purchase-consultation-education', 'purchase-consultation', '교육지원', '2017-07-03~2017-07-31', '2017-08-01~2018-07-31'],
      ['2018-purchase-consultation-education', 'purchase-consultation', '교육지원', '2018-06-29~2018-06-30', '2018-07-01~2018-07-02'],
      ['2018-tech-protection-advisory', 'tech-protection-advisory', '컨설팅지원', '2018-08-16~2018-09-14', '2018-08-16~2018-11-30'],
      ['2016-tech-escrow', 'tech-escrow', '기타지원', '2016-06-20~2016-12-31', '2016-06-20~2016-12-31'],
      ['2018-tech-escrow', 'tech-escrow', '기타지원', '2018-03-23~2018-12-14', '2018-03-01~2018-12-31'],
    ];
    for (const [slug, business, field, apply, support] of screen) {
      const p = entry('programs', slug);
      expect([p.business, p.company, p.field, p.audience]).toEqual([business, 'winwin-foundation', field, '전체 오픈']);
      expect(p.applyPeriod).toEqual(period(apply));
      expect(p.supportPeriod).toEqual(period(support));
      expect(p.notes).toContain('프로그램명');
    }
    expect(entry('programs', '2017-purchase-consultation').title).toBe('2017년 구매상담회');
  });

  it('the three 프로그램 등록 사례 are programs of their companies', () => {
    expect(entry('programs', 'naver-partner-square')).toMatchObject({ title: '네이버 파트너 스퀘어', company: 'naver' });
    expect(entry('programs', 'doosan-job-training')).toMatchObject({ title: '두산중공업 직무교육', company: 'doosan-heavy' });
    expect(entry('programs', 'knto-worker-vacation-support')).toMatchObject({ title: '한국관광공사 근로자 휴가지원 사업', company: 'knto' });
    expect(body('programs', 'naver-partner-square')).toContain('LEARN 무료 교육');
  });

  it('every value the source does not give is marked as such in the entry', () => {
    for (const [slug, p] of entries('programs')) {
      expect(p.notes, slug).toContain('원문에 없어');
      if (p.contact.phone === '02-368-8487') expect(p.notes, slug).toMatch(/02-368-8487/);
    }
  });
});

describe('businesses and companies from 001', () => {
  it('the foundation has the six businesses of the management screen', () => {
    const names = [...entries('businesses').values()].filter((b) => b.company === 'winwin-foundation').map((b) => b.name).sort();
    expect(names).toEqual(['구매상담회', '구매조건부 신제품개발사업', '기술보호 자문', '기술자료 임치제도', '기술자료 임치활용지원', '기업간 거래공정화'].sort());
    const foundation = entry('companies', 'winwin-foundation');
    expect(foundation).toMatchObject({ name: '대·중소기업·농어업협력재단', class: '대기업', industry: '공공행정, 국방 및 사회보장 행정' });
  });

  it('the seven companies of the 협력사 등록 안내 list carry their 업종', () => {
    const list: [string, string, string][] = [
      ['samsung-electronics', '삼성전자', '통신 및 방송 장비 제조업'],
      ['semes', '세메스', '반도체 제조용 기계 제조업'],
      ['amorepacific', '아모레퍼시픽', '화장품 제조업'],
      ['erae-automotive-systems', '이러오토모티브시스템', '자동차 및 트레일러 제조업'],
      ['iljin-electric', '일진전기', '절연선 및 케이블 제조업'],
      ['coway', '코웨이', '그 외 기타 개인 서비스업'],
      ['khnp', '한국수력원자력', '발전업'],
    ];
    for (const [slug, name, industry] of list) expect(entry('companies', slug)).toMatchObject({ name, industry });
  });

  it('every operating company has the business its programs belong to', () => {
    const companies = entries('companies');
    for (const [slug, p] of entries('programs')) {
      expect(companies.has(p.company), slug).toBe(true);
      expect(entry('businesses', p.business).company, slug).toBe(p.company);
    }
    expect(entry('companies', 'kwater')).toMatchObject({ name: '한국수자원공사', class: '공공기관' });
  });
});

describe('forums and announcements from 000', () => {
  it('the five forums open in 2004.5', () => {
    expect([...entries('forums').values()].map((f) => f.name).sort()).toEqual(
      ['ICMS(통합계약생산서비스) 연구', '지방경제활성화를 위한 모임', '한국중소·벤처기업포럼', '지방중소기업육성을 통한 국가균형발전 연구', '행정서비스 스탠다드 연구 포럼'].sort(),
    );
  });

  it('one announcement per support scheme, with the amounts of the guide', () => {
    const byCategory = (category: string) => [...entries('announcements')].filter(([, a]) => a.category === category).map(([slug]) => body('announcements', slug)).join('\n');
    expect(byCategory('토론회·워크샵')).toContain('토론회·워크샵 100(만원), 결과물 발간 200(만원) 이내, 포럼별 년 2회 한도');
    expect(byCategory('정책제안 공모')).toContain('정책제안서 당 100~500(만원), 매년 4개 이상');
    expect(byCategory('정책제안 공모')).toContain('상하반기 2회 선정');
    expect(byCategory('지식포인트')).toContain('총 8인 이내');
    expect(byCategory('지식포인트')).toContain('년 1회(12월)');
    expect(byCategory('정책메이트')).toContain('월 30만원 이내');
    expect(byCategory('간담회')).toContain('청차장님과의 간담회');
    for (const [slug, a] of entries('announcements')) expect(a.publishedAt, slug).toMatch(/^2004-05-/);
  });
});

describe('plans from 002, 003 and 004', () => {
  it('002 keeps its KPI targets, month schedule and tables with merged cells', () => {
    const plan = entry('plans', '2005-smba-innovation-management-plan');
    expect(plan.targets.map((t: Data) => t.value)).toEqual(expect.arrayContaining([70.3, 76.4, 70]));
    expect(plan.schedule.map((s: Data) => [s.when, s.items.length])).toEqual([['2월', 10], ['3월', 5], ['계속', 1]]);
    const text = body('plans', '2005-smba-innovation-management-plan');
    expect(text).toMatch(/<th scope="rowgroup" rowspan="2">혁 신 과 제<\/th>/);
    expect(text).toMatch(/<th scope="col" colspan="2">평가부문<\/th>/);
    for (const caption of ['&lt;표1&gt; 혁신관리 평가부문 및 비중', '〈표2〉 공통혁신과제별 세부 실행과제', '〈표3〉 중소기업청의 역점추진 혁신과제', '&lt;표4&gt; 중소기업청 혁신관리 스케줄']) {
      expect(text).toContain(`<caption>${caption}</caption>`);
    }
  });

  it('002 and 003 carry the full text of the seed, line by line', () => {
    const decoded = (slug: string) => body('plans', slug).replaceAll('&lt;', '<').replaceAll('&gt;', '>');
    const plan002 = decoded('2005-smba-innovation-management-plan');
    for (const line of seed('002_66b49db29bd6a2b6.txt').map(strip)) {
      if (line && !line.includes('\t') && !line.startsWith('<ul')) expect(plan002).toContain(line);
    }
    const plan003 = decoded('2001-mocie-all-out-work-system');
    for (const line of seed('003_a5977cc668867bb1.txt').slice(4).map(strip)) if (line) expect(plan003).toContain(line.replace(/^- /, ''));
    expect(plan003).toContain('## <부록 1> 분야별 현장점검 계획');
    expect(plan003).toMatch(/\n {2}- 수출목표 1,910억불/);
  });

  it('004 is reproduced unaltered under 공공누리 제4유형 with its source', () => {
    const plan = entry('plans', '2011-changwon-company-love-movement');
    expect(plan).toMatchObject({ organization: '창원시', publishedAt: '2011-01-03', docType: '보도자료', license: '공공누리 제4유형' });
    expect(plan.source).toContain('창원시');
    expect(plan.source).toContain('2011-01-03');
    const text = body('plans', '2011-changwon-company-love-movement');
    const article = seed('004_7093f9edd99d01a8.txt').slice(12, 51).map(strip).filter(Boolean);
    expect(article).toHaveLength(22);
    for (const line of article) expect(text).toContain(line);
  });
});

describe('guides', () => {
  it('has the four guides of the brief, in order', () => {
    const guides = [...entries('guides').values()].sort((a, b) => a.order - b.order).map((g) => g.title);
    expect(guides).toEqual(['상생누리 활용안내', '협력사 등록 안내 이용법', '정책포럼 참여 안내', '동반성장 평가의 상생누리 활용 기준']);
  });

  it('the 활용안내 explains registration, sign-up, 사업 ≠ 프로그램 and every 진행단계', () => {
    const text = body('guides', 'sangsaengnuri-guide');
    for (const s of ['① 상생누리 사이트 회원가입하기', '④ 상생누리 관리자 프로그램 등록 확인결과 체크', '가입 시 유의사항 ③', '사업 ≠ 프로그램', '확인요청** : 프로그램 등록 후 상생누리 관리자 확인 대기', '수정요청** : 상생누리 관리자의 프로그램 수정요청', '프로그램 등록 예시(2)']) {
      expect(text).toContain(s);
    }
  });

  it('the scoring guide has the three scoring tables and every ※ note of the source', () => {
    const text = body('guides', 'winwin-evaluation-criteria');
    expect(text).toContain('<td>16이상</td><td>11 ~ 15</td><td>6 ~ 10</td><td>1 ~ 5</td>');
    expect(text).toContain('<td>1.5</td><td>1.2</td><td>0.9</td><td>0.6</td>');
    expect(text.match(/<td>1\.0<\/td><td>0\.8<\/td><td>0\.6<\/td><td>0\.4<\/td><td>0\.2<\/td>/g)).toHaveLength(2);
    const source = seed('001_f6672c12b491e273.txt').join('\n');
    const notes = source.slice(source.indexOf('참고 및 주의사항')).split('※').slice(1).map((n) => n.split(/ - |\t|\n/)[0].trim());
    expect(notes.length).toBeGreaterThanOrEqual(10);
    for (const note of notes) expect(text).toContain(note);
  });
});
