/**
 * The whole Decap CMS configuration, generated from the collection registry.
 * Pure: the same registry and options give the same JSON. `scripts/cms-config.ts` prints it,
 * the Astro integration (`src/integrations/cms.ts`) serves it as `/admin/config.json`.
 */
import { COLLECTIONS, contentRoot, type CollectionDef } from '../../schemas/index.ts';
import { SITE_URL } from '../../site.ts';
import { MARKDOWN_WIDGET } from './body-widget.ts';
import { cmsCollection } from './collections.ts';
import type { DecapBackend, DecapConfig } from './decap-types.ts';
import type { MarkdownWidget } from './fields.ts';

/** Where uploads are stored in the repository and the URL they are served from. */
export const MEDIA_FOLDER = 'public/uploads';
export const PUBLIC_FOLDER = '/uploads';

export interface CmsOptions {
  /** Production git backend (see README "CMS"). */
  backend: DecapBackend;
  /** URL of decap-server's API for `npm start`; default: Decap's own (port 8081 on the page's host). */
  localBackendUrl?: string;
  /** Public site origin. */
  siteUrl: string;
  /** Folder holding the collections (`content`, or CONTENT_ROOT). */
  contentDir: string;
  /** Repository folder of uploads (`public/uploads`, or PUBLIC_DIR/uploads). */
  mediaFolder?: string;
  markdownWidget?: MarkdownWidget;
}

/** Korean commit messages for what editors do in the CMS. */
export const COMMIT_MESSAGES = {
  create: '{{collection}} 새 항목 “{{slug}}”',
  update: '{{collection}} 수정 “{{slug}}”',
  delete: '{{collection}} 삭제 “{{slug}}”',
  uploadMedia: '파일 올림 “{{path}}”',
  deleteMedia: '파일 삭제 “{{path}}”',
  openAuthoring: '{{message}}',
};

export function cmsConfig(options: CmsOptions, collections: Record<string, CollectionDef> = COLLECTIONS): DecapConfig {
  const markdownWidget = options.markdownWidget ?? MARKDOWN_WIDGET;
  return {
    load_config_file: false,
    locale: 'ko',
    backend: { ...options.backend, commit_messages: COMMIT_MESSAGES },
    // Used only when the CMS is opened on localhost/127.0.0.1 and decap-server answers there.
    local_backend: options.localBackendUrl ? { url: options.localBackendUrl } : true,
    publish_mode: 'editorial_workflow',
    media_folder: options.mediaFolder ?? MEDIA_FOLDER,
    public_folder: PUBLIC_FOLDER,
    site_url: options.siteUrl,
    display_url: options.siteUrl,
    show_preview_links: false,
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    editor: { preview: true },
    collections: Object.entries(collections)
      .filter(([, def]) => def.cms)
      .map(([name, def]) => cmsCollection(name, def, { contentDir: options.contentDir, markdownWidget })),
  };
}

/**
 * Options from the environment:
 * CMS_BACKEND (github | gitlab | git-gateway, default github), CMS_REPO (owner/name),
 * CMS_BRANCH (default main), CMS_BASE_URL / CMS_AUTH_ENDPOINT (OAuth proxy for GitHub),
 * CMS_APP_ID (GitLab PKCE application id), CMS_API_ROOT (self-hosted GitLab/GitHub Enterprise),
 * DECAP_SERVER_URL (local decap-server API), SITE_URL, CONTENT_ROOT, PUBLIC_DIR,
 * CMS_MARKDOWN_WIDGET (markdown | richtext | text: try another editor for Markdown fields).
 */
export function cmsOptionsFromEnv(env: Record<string, string | undefined>): CmsOptions {
  const get = (key: string) => env[key]?.trim() || undefined;
  const name = (get('CMS_BACKEND') ?? 'github') as DecapBackend['name'];
  if (!['github', 'gitlab', 'git-gateway'].includes(name)) {
    throw new Error(`CMS_BACKEND="${name}" 은(는) 지원하지 않습니다 (github, gitlab, git-gateway 중 하나)`);
  }
  const backend: DecapBackend = { name, branch: get('CMS_BRANCH') ?? 'main', squash_merges: true };
  if (name !== 'git-gateway') backend.repo = get('CMS_REPO') ?? 'winwinnuri/sangsaengnuri';
  if (get('CMS_BASE_URL')) backend.base_url = get('CMS_BASE_URL');
  if (get('CMS_AUTH_ENDPOINT')) backend.auth_endpoint = get('CMS_AUTH_ENDPOINT');
  if (get('CMS_API_ROOT')) backend.api_root = get('CMS_API_ROOT');
  if (name === 'gitlab' && get('CMS_APP_ID')) {
    backend.auth_type = 'pkce';
    backend.app_id = get('CMS_APP_ID');
  }
  const markdownWidget = get('CMS_MARKDOWN_WIDGET') as MarkdownWidget | undefined;
  if (markdownWidget && !['markdown', 'richtext', 'text'].includes(markdownWidget)) {
    throw new Error(`CMS_MARKDOWN_WIDGET="${markdownWidget}" 은(는) markdown, richtext, text 중 하나여야 합니다`);
  }
  return {
    backend,
    markdownWidget,
    localBackendUrl: get('DECAP_SERVER_URL'),
    siteUrl: (get('SITE_URL') ?? SITE_URL).replace(/\/$/, ''),
    contentDir: contentRoot(env),
    mediaFolder: `${(get('PUBLIC_DIR') ?? 'public').replace(/\/+$/, '')}/uploads`,
  };
}
