/** Which built pages sitemap.xml lists: every index.html but /admin/, 404 and pages asking not to be indexed. */
import { describe, expect, it } from 'vitest';
import { listedPages } from '../../src/integrations/sitemap.ts';
import { tempSite } from '../helpers/temp-site.ts';

describe('listedPages', () => {
  const { dir, write } = tempSite('sitemap-');

  it('reads each page head for a robots noindex, with one buffer for all pages', () => {
    const page = (meta = '') => `<!doctype html><html><head><meta charset="utf-8">${meta}<title>가</title></head><body>${'본문 '.repeat(3000)}</body></html>`;
    write('index.html', page());
    write('programs/a/index.html', page());
    write('programs/b/index.html', page('<meta name="robots" content="noindex, nofollow">'));
    write('programs/c/index.html', page('<META NAME=ROBOTS CONTENT="NOINDEX">'));
    write('programs/d/index.html', `${page()}<meta name="robots" content="noindex">`); // past the head: listed
    write('admin/index.html', page());
    write('404.html', page());
    write('pagefind/x/index.html', page());
    write('calendar/programs.ics', 'BEGIN:VCALENDAR');
    expect(listedPages(dir).sort()).toEqual(['/', '/programs/a/', '/programs/d/']);
  });
});
