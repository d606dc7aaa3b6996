/** Where the test build lives and what "today" it was built for. */
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The shipped content, built once for the build and e2e tests. */
export const TEST_DIST = resolve(ROOT, process.env.TEST_DIST_DIR || '.test-dist');
/** Every build-output and browser test sees the site as on this day (the 2018 seeds are open). */
export const TEST_SITE_NOW = '2018-05-10';
