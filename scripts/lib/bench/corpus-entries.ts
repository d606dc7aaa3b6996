/**
 * The corpus itself: N programs with their businesses and companies, as plain data
 * (front matter + Markdown body) and the upload files they point at. Proportions follow
 * the source (001): about 11 programs per company, 61 % 전체 오픈, a portal that grows
 * month by month up to SITE_NOW, and periods spread so that 예정, 모집중, 진행중 and 종료
 * all occur on SITE_NOW.
 */
import { josa } from 'es-hangul';
import { addDays, formatDate } from '../../../src/lib/dates.ts';
import { programStatus } from '../../../src/lib/status.ts';
import { AUDIENCES, FIELDS, REGIONS, type Field, type Status } from '../../../src/schemas/choices.ts';
import { pdfBytes, pngBytes } from './corpus-files.ts';
import { createRandom, type Random } from './prng.ts';
import * as V from './corpus-vocabulary.ts';

export interface CorpusOptions {
  /** Number of programs. */
  programs: number;
  /** PRNG seed: the same seed (and date) writes the same files. */
  seed: string;
  /** The day periods are spread around (YYYY-MM-DD, the build's SITE_NOW). */
  siteNow: string;
}

export type CorpusCollection = 'companies' | 'businesses' | 'programs';

export interface CorpusEntry {
  collection: CorpusCollection;
  slug: string;
  data: Record<string, unknown>;
  body: string;
}

/** A file under the public folder, e.g. `uploads/corpus/programs/p00001-1.pdf`. */
export interface CorpusFile {
  path: string;
  bytes: Buffer;
}

export interface Corpus {
  entries: CorpusEntry[];
  files: CorpusFile[];
  /** How many programs have each 진행단계 on siteNow. */
  statuses: Record<Status, number>;
}

interface Company {
  slug: string;
  name: string;
  short: string;
  domain: string;
  phoneArea: string;
}

interface Business {
  slug: string;
  name: string;
  field: Field;
  company: Company;
}

/** Fill `{key}` and `{key|을/를}` placeholders. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)(?:\|([^}]+))?\}/g, (whole, key: string, particle?: string) => {
    const word = values[key];
    if (word === undefined) return whole;
    return particle ? josa(word, particle as Parameters<typeof josa>[1]) : word;
  });
}

/** Pick by cumulative weight with a binary search (fast for thousands of options). */
function weightedIndex(random: Random, cumulative: number[]): number {
  const roll = random.next() * cumulative[cumulative.length - 1];
  let lo = 0, hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > roll) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Zipf-like popularity: a few companies run many programs, most run a handful. */
function zipfCumulative(count: number, exponent: number): number[] {
  const out: number[] = [];
  let sum = 0;
  for (let i = 0; i < count; i++) {
    sum += 1 / (i + 1) ** exponent;
    out.push(sum);
  }
  return out;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** A valid 사업자등록번호 (000-00-00000) whose check digit matches. */
export function businessNumberFor(random: Random): string {
  const weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
  const digits = [random.int(1, 8), ...Array.from({ length: 8 }, () => random.int(0, 9))];
  let sum = digits.reduce((acc, d, i) => acc + d * weights[i], 0);
  sum += Math.floor((digits[8] * 5) / 10);
  digits.push((10 - (sum % 10)) % 10);
  const s = digits.join('');
  return `${s.slice(0, 3)}-${s.slice(3, 5)}-${s.slice(5)}`;
}

const AREA_CODES = ['02', '02', '02', '031', '032', '033', '041', '042', '043', '044', '051', '052', '053', '054', '055', '061', '062', '063', '064'];
const SURNAMES = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권', '황', '안', '송', '류', '홍'];
const GIVEN = ['민', '서', '지', '현', '준', '수', '영', '호', '성', '진', '우', '경', '은', '동', '재', '혜', '태', '상', '윤', '정'];
const CITIES = ['서울특별시 중구', '서울특별시 강남구', '경기도 성남시 분당구', '경기도 수원시 영통구', '대전광역시 유성구', '경상남도 창원시 성산구', '부산광역시 남구', '울산광역시 중구', '전라남도 나주시', '강원도 원주시', '경상북도 김천시', '충청남도 태안군', '충청북도 진천군', '전라북도 전주시 덕진구', '제주특별자치도 서귀포시', '인천광역시 연수구', '광주광역시 북구', '대구광역시 동구', '세종특별자치시'];
const ROADS = ['중앙', '테헤란', '세종대', '혁신', '문화', '산업', '첨단과학', '해안', '공단', '대학', '정부청사', '엑스포'];
const FIELD_WEIGHTS: readonly (readonly [Field, number])[] = [
  ['교육지원', 20], ['판로지원', 16], ['기술지원', 14], ['컨설팅지원', 10], ['금융지원', 8],
  ['기타지원', 12], ['해외진출지원', 6], ['특허지원', 5], ['인력지원', 5], ['복지지원', 4],
];
const AUDIENCE_WEIGHTS: readonly (readonly [(typeof AUDIENCES)[number], number])[] = [
  ['전체 오픈', 61], ['협력사 지원', 22], ['부분 오픈', 10], ['계열사 오픈', 7],
];
const LOCAL_REGIONS = REGIONS.filter((r) => r !== '전국');
const COLORS: [number, number, number][] = [[0, 84, 166], [0, 133, 96], [214, 69, 34], [255, 183, 0], [91, 55, 160], [30, 30, 30], [236, 240, 245]];

function personName(random: Random): string {
  return random.pick(SURNAMES) + random.pick(GIVEN) + random.pick(GIVEN);
}

function phoneFor(random: Random, area: string): string {
  if (area === '1588') return `${random.pick(['1588', '1577', '1600', '1899', '1644'])}-${pad(random.int(0, 9999), 4)}`;
  return `${area}-${random.int(area === '02' ? 200 : 300, 999)}${random.chance(0.5) ? random.int(0, 9) : ''}-${pad(random.int(0, 9999), 4)}`;
}

/** Unique company names: public institutions, then private groups, then regional offices. */
function companyNames(random: Random, count: number): { name: string; short: string; klass: string; industry: string }[] {
  const publics: { name: string; short: string; industry: string }[] = [];
  for (const [stem, industry] of V.PUBLIC_STEMS) {
    for (const suffix of V.PUBLIC_SUFFIXES) publics.push({ name: `한국${stem}${suffix}`, short: `${stem}${suffix}`, industry });
  }
  for (const [kind, industry] of V.REGIONAL_PUBLIC) {
    for (const region of V.INSTITUTION_REGIONS) publics.push({ name: `${region}${kind}`, short: `${region}${kind}`, industry });
  }
  const privates: { name: string; short: string; industry: string }[] = [];
  for (const first of V.BRAND_FIRST) {
    for (const second of V.BRAND_SECOND) {
      if (first === second) continue;
      const [line, industry] = V.PRIVATE_LINES[(first.charCodeAt(0) + second.charCodeAt(0)) % V.PRIVATE_LINES.length];
      privates.push({ name: `${first}${second}${line}㈜`, short: `${first}${second}${line}`, industry });
    }
  }
  const publicPool = [...publics];
  const privatePool = [...privates];
  shuffle(random, publicPool);
  shuffle(random, privatePool);
  const out: { name: string; short: string; klass: string; industry: string }[] = [];
  for (let i = 0; i < count; i++) {
    const klass = random.weighted([['대기업', 50], ['공공기관', 43], ['중견기업', 5], ['중소기업', 2]] as const);
    const pool = klass === '공공기관' ? publicPool : privatePool;
    const base = pool.length > 0 ? pool.pop()! : undefined;
    if (base) {
      out.push({ ...base, klass });
    } else {
      // Both pools exhausted (very large N): regional headquarters of an existing name.
      const parent = out[i % out.length];
      const region = V.INSTITUTION_REGIONS[Math.floor(i / out.length) % V.INSTITUTION_REGIONS.length];
      out.push({ name: `${parent.name} ${region}본부 ${Math.floor(i / out.length)}`, short: `${parent.short} ${region}본부`, klass: parent.klass, industry: parent.industry });
    }
  }
  return out;
}

function shuffle<T>(random: Random, list: T[]): void {
  for (let i = list.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [list[i], list[j]] = [list[j], list[i]];
  }
}

function truncateSentences(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const end = cut.lastIndexOf('.');
  return end > 20 ? cut.slice(0, end + 1) : cut.slice(0, max - 1) + '…';
}

function buildCompanies(random: Random, count: number, files: CorpusFile[]): { entries: CorpusEntry[]; companies: Company[] } {
  const width = Math.max(4, String(count).length);
  const names = companyNames(random.fork('names'), count);
  const entries: CorpusEntry[] = [];
  const companies: Company[] = [];
  names.forEach((n, i) => {
    const r = random.fork(`company-${i}`);
    const slug = `c${pad(i + 1, width)}`;
    const domain = `${slug}.corpus.example`;
    const phoneArea = r.chance(0.2) ? '1588' : r.pick(AREA_CODES);
    const data: Record<string, unknown> = {
      name: n.name,
      class: n.klass,
      industry: n.industry,
    };
    if (r.chance(0.3)) {
      const path = `uploads/corpus/logos/${slug}.png`;
      files.push({ path, bytes: pngBytes(96, 32, r.pick(COLORS), r.pick(COLORS)) });
      data.logo = `/${path}`;
    }
    data.homepage = r.chance(0.9) ? `https://www.${domain}` : `winwin@${domain}`;
    if (r.chance(0.7)) data.businessNumber = businessNumberFor(r);
    if (r.chance(0.8)) data.representative = personName(r);
    if (r.chance(0.7)) data.address = `${r.pick(CITIES)} ${r.pick(ROADS)}로 ${r.int(1, 300)}`;
    let body = '';
    if (r.chance(0.45)) {
      data.registration = {
        url: `https://partner.${domain}/register`,
        documents: r.sample(V.DOCUMENTS, r.int(3, 5)),
        contact: { department: r.pick(['구매팀', '구매전략팀', '협력사지원센터', '계약부']), phone: phoneFor(r, phoneArea), email: `partner@${domain}` },
      };
      const steps = V.REGISTRATION_STEPS.slice(0, r.int(4, V.REGISTRATION_STEPS.length));
      body = [
        `${josa(n.short, '은/는')} 우수한 기술력을 가진 중소기업을 잠재 협력사로 발굴하기 위해 협력사 등록 신청을 상시 받고 있습니다.`,
        '',
        '## 등록 절차',
        '',
        ...steps.map((s, k) => `${k + 1}. ${s}`),
        '',
        '## 유의사항',
        '',
        '- 등록 신청만으로 거래가 보장되지는 않으며, 품목별 구매 수요에 따라 견적 요청이 이루어집니다.',
        '- 제출한 정보가 변경되면 협력사 등록 사이트에서 직접 수정해 주시기 바랍니다.',
        '',
      ].join('\n');
    }
    entries.push({ collection: 'companies', slug, data, body });
    companies.push({ slug, name: n.name, short: n.short, domain, phoneArea });
  });
  return { entries, companies };
}

function regionsFor(random: Random): string[] {
  if (random.chance(0.45)) return ['전국'];
  const count = random.weighted([[1, 60], [2, 25], [3, 15]] as const);
  const picked = new Set<string>();
  while (picked.size < count) picked.add(random.weighted(LOCAL_REGIONS.map((r) => [r, r === '서울' || r === '경기' ? 4 : 1] as const)));
  return LOCAL_REGIONS.filter((r) => picked.has(r));
}

function titleFor(random: Random, field: Field, company: Company, apply: { start: string }, support: { start: string; end: string }): string {
  const year = apply.start.slice(0, 4);
  const month = Number(apply.start.slice(5, 7));
  const sm = Number(support.start.slice(5, 7));
  const sd = Number(support.start.slice(8, 10));
  const ed = Number(support.end.slice(8, 10));
  const sameMonth = support.start.slice(0, 7) === support.end.slice(0, 7);
  const core = random.pick(V.TITLE_CORES[field]).replace('({m}/{n})', sameMonth ? `(${sm}/${sd}~${ed})` : `(${sm}/${sd})`);
  if (core.startsWith('[교육]')) return core;
  return random.weighted<() => string>([
    [() => `${year}년 ${core}`, 55],
    [() => `${year}년 ${month <= 6 ? '상반기' : '하반기'} ${core}`, 10],
    [() => `${year}년 ${month}월 ${core}`, 10],
    [() => `[${year} ${company.short}] ${core}`, 10],
    [() => `제${random.int(2, 15)}차 ${year} ${core}`, 8],
    [() => `${company.short} ${core}`, 4],
    [() => `${year}년 ${core} (${random.pick(LOCAL_REGIONS)} 권역)`, 3],
  ])();
}

function table(rows: string[][]): string {
  const [head, ...rest] = rows;
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rest.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** `count` sentences: generic ones plus, now and then, one that only this 지원분야 would say. */
function paragraph(random: Random, values: Record<string, string>, count: number): string {
  const own = V.FIELD_SENTENCES[values.field as Field] ?? [];
  const list = random.sample([...V.SENTENCES, ...own], count);
  return list.map((s) => fill(s, values)).join(' ');
}

function programBody(random: Random, field: Field, title: string, values: Record<string, string>, apply: { start: string; end: string }, support: { start: string; end: string }): string {
  const parts: string[] = ['## 사업 개요', '', paragraph(random, values, random.int(2, 4)), ''];
  if (field === '교육지원') {
    const rows = [['일시', '장소', '강의명']];
    for (let k = 0, n = random.int(2, 5); k < n; k++) {
      const day = addDays(support.start, Math.min(k, 30));
      const named = k === 0 ? V.LECTURES.find((l) => title.includes(l)) : undefined;
      rows.push([`${formatDate(day)} ${random.pick(['09:00~18:00', '10:00~17:00', '14:00~17:00', '09:30~12:30'])}`, random.pick(V.PLACES), named ?? random.pick(V.LECTURES)]);
    }
    parts.push('## 교육 일정', '', table(rows), '', `교육 정원은 과정별 ${random.int(2, 6) * 10}명이며, 선착순으로 마감합니다.`, '');
  } else {
    parts.push('## 지원대상 과제', '');
    for (let k = 0, n = random.int(2, 4); k < n; k++) parts.push(`- ${random.pick(V.SUPPORT_OBJECTS[field])} 관련 ${random.pick(['국산화 과제', '품질개선 과제', '공정혁신 과제', '신규 판로 과제', '현장 애로 과제', '공동개발 과제'])}`);
    parts.push('');
  }
  parts.push('## 신청자격', '', `- ${values.audience}`, '- 국세 및 지방세 체납이 없는 기업', '- 휴업 또는 폐업 중이 아닌 기업');
  if (random.chance(0.5)) parts.push('- 최근 3년 이내 동일 사업에 선정된 이력이 없는 기업');
  parts.push('', '## 지원내용', '');
  const rows = [['구분', '지원내용', '지원한도']];
  for (const object of random.sample(V.SUPPORT_OBJECTS[field], random.int(2, 3))) {
    rows.push([random.pick(['기본', '우대', '공통', '심화', '1단계', '2단계']), object, random.pick([`기업당 ${random.int(1, 50) * 100}만원 이내`, `총 사업비의 ${random.int(5, 9) * 10}% 이내`, '전액 지원', `${random.int(1, 12)}개월`])]);
  }
  parts.push(table(rows), '', paragraph(random, values, random.int(1, 3)), '');
  parts.push('## 제출서류', '', ...random.sample(V.DOCUMENTS, random.int(3, 6)).map((d, k) => `${k + 1}. ${d}`), '');
  parts.push('## 선정 및 평가', '', paragraph(random, values, random.int(2, 3)), '');
  const announce = addDays(apply.end, random.int(3, 14));
  parts.push('## 추진일정', '', `- 신청 접수: ${formatDate(apply.start)} ~ ${formatDate(apply.end)}`, `- 선정 결과 발표: ${formatDate(announce)} (개별 통보)`, `- 지원 기간: ${formatDate(support.start)} ~ ${formatDate(support.end)}`, '');
  return parts.join('\n');
}

/** Generate the whole corpus in memory. */
export function generateCorpus(opts: CorpusOptions): Corpus {
  const root = createRandom(`sangsaengnuri-corpus/${opts.seed}/${opts.siteNow}`);
  const files: CorpusFile[] = [];
  const programCount = Math.max(1, Math.floor(opts.programs));
  const companyCount = Math.max(12, Math.round(programCount / 11));
  const { entries: companyEntries, companies } = buildCompanies(root.fork('companies'), companyCount, files);

  // Businesses: every active company has at least one; the rest go to popular companies.
  const structure = root.fork('structure');
  const active = companies.slice(0, Math.min(Math.max(1, Math.round(companyCount * 0.9)), programCount));
  const businessCount = Math.min(programCount, Math.max(active.length, Math.round(programCount / 4)));
  const companyWeights = zipfCumulative(active.length, 0.7);
  const bWidth = Math.max(5, String(businessCount).length);
  const businesses: Business[] = [];
  const businessEntries: CorpusEntry[] = [];
  const namesUsed = new Map<string, Set<string>>();
  for (let i = 0; i < businessCount; i++) {
    const r = root.fork(`business-${i}`);
    const company = i < active.length ? active[i] : active[weightedIndex(structure, companyWeights)];
    const field = r.weighted(FIELD_WEIGHTS);
    const used = namesUsed.get(company.slug) ?? new Set<string>();
    namesUsed.set(company.slug, used);
    const free = V.BUSINESS_NAMES[field].filter((n) => !used.has(n));
    const name = free.length > 0 ? r.pick(free) : `${r.pick(V.BUSINESS_NAMES[field])} ${used.size + 1}차`;
    used.add(name);
    const slug = `b${pad(i + 1, bWidth)}`;
    const data: Record<string, unknown> = { company: company.slug, name };
    if (r.chance(0.4)) data.site = `https://www.${company.domain}/winwin/${slug}`;
    data.summary = `${josa(company.short, '이/가')} 운영하는 ${name} 사업으로, ${fill(r.pick(['중소기업의 {benefit|을/를} 위한 프로그램을 묶어 관리합니다.', '협력사와 미연계 중소기업의 {benefit|을/를} 목표로 합니다.', '{field} 분야 프로그램을 해마다 등록합니다.']), { benefit: r.pick(V.BENEFITS[field]), field })}`;
    businesses.push({ slug, name, field, company });
    businessEntries.push({ collection: 'businesses', slug, data, body: '' });
  }

  // Programs: every business has at least one; registrations grow towards SITE_NOW.
  const businessWeights = zipfCumulative(businesses.length, 0.6);
  const pWidth = Math.max(5, String(programCount).length);
  const statuses: Record<Status, number> = { 예정: 0, 모집중: 0, 진행중: 0, 종료: 0 };
  const programEntries: CorpusEntry[] = [];
  for (let i = 0; i < programCount; i++) {
    const r = root.fork(`program-${i}`);
    const business = i < businesses.length ? businesses[i] : businesses[weightedIndex(structure, businessWeights)];
    const company = business.company;
    const field: Field = r.chance(0.8) ? business.field : r.pick(FIELDS);
    const audience = r.weighted(AUDIENCE_WEIGHTS);
    const slug = `p${pad(i + 1, pWidth)}`;

    const registeredAt = addDays(opts.siteNow, -Math.floor(1000 * (1 - Math.sqrt(r.next()))));
    const lead = r.weighted([[() => r.int(0, 14), 65], [() => r.int(15, 60), 28], [() => r.int(61, 150), 7]] as const)();
    const applyStart = addDays(registeredAt, lead);
    const applyDays = field === '교육지원' ? r.int(7, 40) : r.chance(0.1) ? r.int(90, 300) : r.int(10, 60);
    const apply = { start: applyStart, end: addDays(applyStart, applyDays) };
    const overlap = r.chance(0.15);
    const supportStart = overlap ? apply.start : addDays(apply.end, r.int(0, 30));
    const supportDays = field === '교육지원' ? r.int(0, 2) : r.weighted([[() => r.int(0, 30), 30], [() => r.int(31, 180), 45], [() => r.int(181, 400), 25]] as const)();
    const support = { start: supportStart, end: addDays(supportStart, Math.max(supportDays, overlap ? applyDays : 0)) };
    statuses[programStatus(apply, support, opts.siteNow)]++;

    const audiencePhrase = r.pick(V.AUDIENCE_PHRASES[audience]);
    const object = r.pick(V.SUPPORT_OBJECTS[field]);
    const [benefit, benefit2] = r.sample(V.BENEFITS[field], 2);
    const values = { company: company.short, field, object, benefit, audience: audiencePhrase, year: apply.start.slice(0, 4) };
    const title = titleFor(r, field, company, apply, support);
    const summary = truncateSentences(
      `${josa(company.short, '이/가')} ${josa(audiencePhrase, '을/를')} 대상으로 ${josa(object, '을/를')} 지원하는 ${field} 프로그램입니다. ${fill(r.pick(V.SENTENCES), values)}`,
      200,
    );
    const purpose = truncateSentences(
      `중소기업의 ${josa(benefit, '와/과')} ${josa(benefit2 ?? benefit, '을/를')} 도와 ${r.pick(['대·중소기업 동반성장을 실현합니다.', '상생협력 생태계를 조성합니다.', '지속가능한 공급망을 구축합니다.', '지역경제 활성화에 기여합니다.'])}`,
      200,
    );
    const data: Record<string, unknown> = {
      title,
      business: business.slug,
      company: company.slug,
      summary,
      purpose,
      field,
      audience,
      applyPeriod: apply,
      supportPeriod: support,
      regions: regionsFor(r),
      contact: {
        department: r.pick(V.DEPARTMENTS),
        phone: phoneFor(r, company.phoneArea),
        ...(r.chance(0.8) ? { email: `${r.pick(['winwin', 'partner', 'together', 'sme'])}@${company.domain}` } : {}),
      },
      applyOnline: r.chance(0.4),
    };
    if (data.applyOnline) data.applyUrl = `https://apply.${company.domain}/programs/${slug}`;
    if (r.chance(0.5)) data.eligibility = [`- ${audiencePhrase}`, `- ${r.pick(['상시근로자 5인 이상', '창업 후 1년 이상 경과', '최근 결산 매출액 1억원 이상', '제조업 또는 지식서비스업'])}인 기업`, ''].join('\n');
    if (r.chance(0.6)) data.howToApply = r.chance(0.5)
      ? `상생누리 홈페이지에서 온라인으로 신청하고, 제출서류를 PDF로 첨부합니다.\n\n- 접수 마감: ${formatDate(apply.end)} 18:00까지\n`
      : `이메일(${`winwin@${company.domain}`})로 신청서와 제출서류를 보내 주십시오. 방문 접수는 받지 않습니다.\n`;
    if (r.chance(0.3)) data.notes = `${fill(r.pick(V.SENTENCES), values)}\n`;
    const attachments: { file: string; title: string }[] = [];
    if (r.chance(0.35)) {
      const kinds = r.sample(V.ATTACHMENT_KINDS, r.weighted([[1, 70], [2, 22], [3, 8]] as const));
      kinds.forEach(([label, ext], k) => {
        const path = `uploads/corpus/programs/${slug}-${k + 1}.${ext}`;
        files.push({
          path,
          bytes: ext === 'pdf'
            ? pdfBytes(['Sangsaengnuri corpus attachment', `program ${slug}`, `file ${k + 1} of ${kinds.length}`, `apply ${apply.start} - ${apply.end}`])
            : pngBytes(120, 160, r.pick(COLORS), r.pick(COLORS)),
        });
        attachments.push({ file: `/${path}`, title: `${title.length > 60 ? field : title} ${label}`.slice(0, 100) });
      });
    }
    if (attachments.length > 0) data.attachments = attachments;
    data.registeredAt = registeredAt;
    programEntries.push({ collection: 'programs', slug, data, body: programBody(r, field, title, values, apply, support) });
  }

  return { entries: [...companyEntries, ...businessEntries, ...programEntries], files, statuses };
}
