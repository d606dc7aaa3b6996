/**
 * /admin/: Decap CMS with the configuration generated from the schemas (served next to
 * this bundle as config.json), Korean UI, the site-styled previews, and the schema check
 * before every save.
 */
import CMS from 'decap-cms-app';
import { ko } from 'decap-cms-locales';
import { fromJS } from 'immutable';
import { checkCmsEntry, cleanEntry, describeProblems } from '../src/lib/cms/entry-check.ts';
import type { SiteStyle } from '../src/lib/cms/site-styles.ts';
import { koreanPhrases } from './locale.ts';
import previewCss from './preview.css?raw';
import { registerPreviews } from './previews/index.ts';
import { ImeSafeStringControl, ImeSafeTextControl } from './widgets/ime-text.ts';
import DecapCmsWidgetString from 'decap-cms-widget-string';
import DecapCmsWidgetText from 'decap-cms-widget-text';

type Json = Parameters<typeof cleanEntry>[0];

interface EntryLike {
  get(key: 'collection'): string;
  get(key: 'data'): { toJS(): Record<string, Json> };
}

/** config.json and site-styles.json live in /admin/, one level above this module (/admin/assets/). */
async function load<T>(name: string, fallback?: T): Promise<T> {
  // (import.meta.url through a variable: Vite would otherwise turn `new URL(\`../${x}\`, import.meta.url)` into a glob of ../*.)
  const here = import.meta.url;
  const res = await fetch(new URL(`../${name}`, here), { cache: 'no-cache' });
  if (!res.ok) {
    if (fallback !== undefined) return fallback;
    throw new Error(`${name} 을(를) 불러오지 못했습니다 (HTTP ${res.status})`);
  }
  return (await res.json()) as T;
}

async function start(): Promise<void> {
  const [config, siteStyles] = await Promise.all([load<Record<string, unknown>>('config.json'), load<SiteStyle[]>('site-styles.json', [])]);
  CMS.registerLocale('ko', koreanPhrases(ko as never) as never);
  registerPreviews(CMS as never, siteStyles, previewCss);
  if (new URLSearchParams(location.search).get('stock-widgets') !== '1') {
    CMS.registerWidget('string', ImeSafeStringControl as never, DecapCmsWidgetString.previewComponent as never);
    CMS.registerWidget('text', ImeSafeTextControl as never, DecapCmsWidgetText.previewComponent as never);
  }
  CMS.registerEventListener({
    name: 'preSave',
    handler: ({ entry }: { entry: EntryLike }) => {
      const data = entry.get('data').toJS();
      const problems = checkCmsEntry(entry.get('collection'), data);
      if (problems.length > 0) throw new Error(`\n${describeProblems(problems)}`);
      return fromJS(cleanEntry(data) ?? {});
    },
  } as never);
  CMS.init({ config: config as never });
}

start().catch((e: unknown) => {
  document.body.insertAdjacentHTML('afterbegin', '<p role="alert" style="padding:1rem;font-family:sans-serif"></p>');
  document.body.querySelector('[role=alert]')!.textContent = `CMS를 시작하지 못했습니다: ${(e as Error).message}`;
});
