/**
 * The CMS through its real UI, in Debian Chromium, against a real decap-server (git mode,
 * 127.0.0.1) working on a temporary copy of the repository — never this working tree.
 * An editor writes a program in Korean (typed through IME composition, jamo by jamo), picks
 * the business and company through the relation widget, saves, moves it 작성 중 → 확인요청 →
 * 게시 승인 → 게시; the Markdown file then holds exactly what was typed, and a build of the
 * copy has its page. Then the CMS refuses what the build would reject.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseFrontmatter } from '../../src/lib/validation/frontmatter.ts';
import { control, field, pick, relate, setDate, typeInto } from '../fixtures/cms-harness/form.ts';
import { git, makeTempRepo, serveAdmin, startDecapServer, type DecapServer } from '../fixtures/cms-harness/harness.ts';
import { ImeTyper } from '../fixtures/cms-harness/ime.ts';
import { launchBrowser, type Page, type TestBrowser } from '../helpers/browser.ts';
import { TEST_DIST } from '../helpers/paths.ts';

let repo: string;
let decap: DecapServer;
let admin: Awaited<ReturnType<typeof serveAdmin>>;
let browser: TestBrowser;

/** What the editor types: Korean in every text field, Markdown in the text areas. */
const TYPED = {
  title: '2018년 상생시험 온라인 교육 참여기업 모집',
  summary: '중소기업 임직원이 무료로 듣는 온라인 직무교육입니다. 값은 그대로 저장되어야 합니다',
  purpose: '중소기업의 인력 역량을 높여 동반성장의 기반을 다집니다',
  department: '동반성장팀 상생협력파트',
  phone: '02-368-8487',
  email: 'winwin@example.kr',
  applyUrl: 'https://www.example.com/apply',
  eligibility: '- 상생시험기업㈜ 협력사\n- 중소기업기본법상 중소기업',
  howToApply: '온라인 신청서를 작성해 제출합니다',
  notes: '문의는 평일 오전 9시부터 오후 6시까지 받습니다',
  body: '## 교육 내용\n\n생산계획 수립과 품질관리 실무를 다룹니다.\n\n| 구분 | 내용 |\n| --- | --- |\n| 일시 | 6월 중 |',
};

async function openCms(page: Page): Promise<void> {
  await page.goto(`${admin.url}/admin/`);
  // Local backend: no account, the login button just enters (once per browser profile).
  const login = page.getByRole('button', { name: '로그인' });
  const collections = page.getByRole('link', { name: '프로그램', exact: true }).first();
  await login.or(collections).first().waitFor();
  if (await login.isVisible()) await login.click();
  await collections.waitFor();
}

beforeAll(async () => {
  repo = makeTempRepo();
  decap = await startDecapServer(repo, 'git');
  // The shared test build (tests/helpers/global-setup.ts) supplies the site's stylesheets.
  admin = await serveAdmin(decap.url, { site: TEST_DIST });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await admin?.close();
  await decap?.close();
  if (repo) rmSync(repo, { recursive: true, force: true });
});

describe('CMS editorial workflow (decap-server git mode, temporary copy)', () => {
  test('a program typed in Korean goes 작성 중 → 확인요청 → 게시 승인 → 게시 and the file holds exactly what was typed', async () => {
    const page = await browser.browser.newPage();
    page.on('dialog', (d) => void d.accept());
    await openCms(page);
    await page.goto(`${admin.url}/admin/#/collections/programs/new`);
    await field(page, '프로그램명').waitFor();
    const ime = await ImeTyper.attach(page);

    await typeInto(field(page, '프로그램명'), ime, TYPED.title);
    await relate(field(page, '사업명'), ime, '상생시험', '상생시험 동반성장 지원사업');
    await relate(field(page, '기업명'), ime, '상생시험', '상생시험기업㈜');
    await typeInto(field(page, '프로그램개요'), ime, TYPED.summary);
    await typeInto(field(page, '목적'), ime, TYPED.purpose);
    await pick(field(page, '지원분야'), '교육지원');
    await pick(field(page, '지원대상'), '부분 오픈');
    const apply = field(page, '신청기간');
    await setDate(field(apply, '시작일'), '2018-06-01');
    await setDate(field(apply, '종료일'), '2018-06-15');
    const support = field(page, '지원기간');
    await setDate(field(support, '시작일'), '2018-06-20');
    await setDate(field(support, '종료일'), '2018-07-20');
    await pick(field(page, '진행지역'), '서울', '경기');
    const contact = field(page, '문의처');
    await typeInto(field(contact, '담당부서'), ime, TYPED.department);
    await typeInto(field(contact, '전화번호'), ime, TYPED.phone);
    await typeInto(field(contact, '이메일'), ime, TYPED.email);
    await (await control(field(page, '신청여부'))).click();
    await typeInto(field(page, '신청 주소'), ime, TYPED.applyUrl);
    await typeInto(field(page, '지원대상 상세조건'), ime, TYPED.eligibility);
    await typeInto(field(page, '신청방법'), ime, TYPED.howToApply);
    await typeInto(field(page, '기타'), ime, TYPED.notes);
    await setDate(field(page, '등록일'), '2018-05-20');
    await typeInto(field(page, '지원내용'), ime, TYPED.body);

    // The preview pane shows the entry with the site's badge logic and the business's Korean name.
    const preview = page.frameLocator('iframe').first();
    await expect.poll(() => preview.locator('h1').innerText()).toBe(TYPED.title);
    await expect.poll(() => preview.locator('.field-list').innerText()).toContain('상생시험 동반성장 지원사업');
    // 6 June 2018 is not "today", so only check the badge is the site's, with a status it can have.
    expect(['예정', '모집중', '진행중', '종료']).toContain(await preview.locator('.program-status .badge').innerText());
    // Styled by the site's own stylesheet (its typeface and its field-list rule), not Decap's.
    expect(await preview.locator('body').evaluate((b) => getComputedStyle(b).fontFamily)).toContain('Pretendard GOV');
    expect(await preview.locator('.field-list').evaluate((e) => getComputedStyle(e).borderTopWidth)).toBe('2px');
    if (process.env.CMS_SCREENSHOTS) await page.screenshot({ path: join(process.env.CMS_SCREENSHOTS, 'cms-program-form.png'), fullPage: false });

    await page.getByRole('button', { name: '저장', exact: true }).click();
    await page.getByText('저장했습니다').waitFor();
    await expect.poll(() => page.url()).toMatch(/#\/collections\/programs\/entries\/[a-z0-9-]+$/);
    const slug = page.url().split('/').pop()!;
    expect(slug).toMatch(/^\d{4}-\d{2}-\d{2}-\d{6}$/);

    // A draft lives on its own branch; main does not have it yet.
    expect(git(repo, ['branch', '--list', `cms/programs/${slug}`])).toContain(slug);
    expect(existsSync(join(repo, 'content/programs', `${slug}.md`))).toBe(false);

    for (const status of ['확인요청', '게시 승인']) {
      await page.getByRole('button', { name: /^상태: / }).click();
      await page.getByRole('menuitem', { name: status }).click();
      await page.getByText('상태를 바꿨습니다').last().waitFor();
      await page.getByRole('button', { name: `상태: ${status}` }).waitFor();
    }
    await page.getByRole('button', { name: '게시', exact: true }).click();
    await page.getByRole('menuitem', { name: '지금 게시' }).click();
    await page.getByText('게시했습니다').waitFor();

    const file = join(repo, 'content/programs', `${slug}.md`);
    await expect.poll(() => existsSync(file)).toBe(true);
    const { data, body } = parseFrontmatter(readFileSync(file, 'utf8'));
    expect(data).toEqual({
      title: TYPED.title,
      business: 'cms-test-business',
      company: 'cms-test-company',
      summary: TYPED.summary,
      purpose: TYPED.purpose,
      field: '교육지원',
      audience: '부분 오픈',
      applyPeriod: { start: '2018-06-01', end: '2018-06-15' },
      supportPeriod: { start: '2018-06-20', end: '2018-07-20' },
      regions: ['서울', '경기'],
      contact: { department: TYPED.department, phone: TYPED.phone, email: TYPED.email },
      applyOnline: true,
      applyUrl: TYPED.applyUrl,
      eligibility: TYPED.eligibility,
      howToApply: TYPED.howToApply,
      notes: TYPED.notes,
      attachments: [],
      registeredAt: '2018-05-20',
    });
    expect(body.trim()).toBe(TYPED.body);
    // Published = merged into main, the review branch is gone.
    expect(git(repo, ['branch', '--list', 'cms/*']).trim()).toBe('');
    expect(git(repo, ['log', '-1', '--format=%s', 'main'])).toContain('프로그램');

    // The copy validates and builds, and the build has the program's page.
    execFileSync(process.execPath, ['scripts/build.ts'], {
      cwd: repo,
      stdio: 'pipe',
      env: { ...process.env, DIST_DIR: join(repo, 'dist'), ASTRO_CACHE_DIR: join(repo, '.astro-cache'), SITE_NOW: '2018-06-05', ASTRO_TELEMETRY_DISABLED: '1' },
    });
    const pages = readdirSync(join(repo, 'dist'), { recursive: true, encoding: 'utf8' }).filter((p) => p.includes(slug) && p.endsWith('index.html'));
    expect(pages.length).toBeGreaterThan(0);
    const html = readFileSync(join(repo, 'dist', pages[0]), 'utf8');
    expect(html).toContain(TYPED.title);
    expect(html).toContain('상생시험기업㈜');
    await page.close();
  }, 420_000);

  test('an empty required field stops the save with the Korean message; a broken rule stops it with the build\'s message', async () => {
    const page = await browser.browser.newPage();
    await openCms(page);
    await page.goto(`${admin.url}/admin/#/collections/programs/new`);
    await field(page, '프로그램명').waitFor();
    const ime = await ImeTyper.attach(page);
    const branchesBefore = git(repo, ['branch', '--list']);

    // Everything but 프로그램명.
    await relate(field(page, '사업명'), ime, '상생시험', '상생시험 동반성장 지원사업');
    await relate(field(page, '기업명'), ime, '상생시험', '상생시험기업㈜');
    await typeInto(field(page, '프로그램개요'), ime, '개요입니다');
    await typeInto(field(page, '목적'), ime, '목적입니다');
    await pick(field(page, '지원분야'), '금융지원');
    await pick(field(page, '지원대상'), '전체 오픈');
    const apply = field(page, '신청기간');
    await setDate(field(apply, '시작일'), '2018-06-10');
    await setDate(field(apply, '종료일'), '2018-06-01');
    const support = field(page, '지원기간');
    await setDate(field(support, '시작일'), '2018-06-20');
    await setDate(field(support, '종료일'), '2018-07-20');
    await pick(field(page, '진행지역'), '전국');
    const contact = field(page, '문의처');
    await typeInto(field(contact, '담당부서'), ime, '상생팀');
    await typeInto(field(contact, '전화번호'), ime, '02-368-8487');
    await setDate(field(page, '등록일'), '2018-05-20');

    await page.getByRole('button', { name: '저장', exact: true }).click();
    await page.getByText('필수 항목이 비어 있습니다. 빨간 표시가 있는 항목을 채운 뒤 저장하세요.').waitFor();
    expect(await field(page, '프로그램명').innerText()).toContain('프로그램명: 필수 항목입니다');

    // With 프로그램명 filled, the period rule (end ≥ start) — which no Decap widget can
    // express — stops the save with the message the build prints.
    await typeInto(field(page, '프로그램명'), ime, '2018년 기간 오류 시험');
    await page.getByRole('button', { name: '저장', exact: true }).click();
    await page.getByText(/저장하지 못했습니다[\s\S]*신청기간 › 종료일: 종료일은 시작일\(2018-06-10\) 이후여야 합니다/).waitFor();

    expect(git(repo, ['branch', '--list'])).toBe(branchesBefore);
    await page.close();
  }, 180_000);

  test.each([
    ['companies', '.field-list'],
    ['announcements', '.entry-meta .tag'],
    ['plans', '.license'],
  ])('the %s preview shows an existing entry in the site\'s markup', async (collection, selector) => {
    const page = await browser.browser.newPage();
    await openCms(page);
    await page.goto(`${admin.url}/admin/#/collections/${collection}`);
    const first = page.locator(`a[href*="/collections/${collection}/entries/"]`).first();
    await first.click();
    const preview = page.frameLocator('iframe').first();
    await preview.locator('h1.page-title').waitFor();
    expect((await preview.locator('h1.page-title').innerText()).trim()).not.toBe('(제목 입력 전)');
    expect(await preview.locator(selector).count()).toBeGreaterThan(0);
    if (process.env.CMS_SCREENSHOTS) await page.screenshot({ path: join(process.env.CMS_SCREENSHOTS, `cms-${collection}-preview.png`) });
    await page.close();
  }, 60_000);
});
