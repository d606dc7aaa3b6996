/**
 * The part of Decap CMS's configuration this project generates, as plain JSON-serialisable
 * types (Decap's own `CmsConfig` typings pull in React; the generator must not).
 * Reference: https://decapcms.org/docs/configuration-options/ and /docs/widgets/.
 */

/** `[regular expression source, message shown when it does not match]`. */
export type DecapPattern = [string, string];

interface FieldBase {
  name: string;
  label: string;
  required: boolean;
  hint?: string;
  pattern?: DecapPattern;
}

export interface StringField extends FieldBase { widget: 'string' | 'text' }
export interface BodyField extends FieldBase { widget: 'markdown' | 'richtext' | 'text' }
export interface FileField extends FieldBase { widget: 'file' | 'image'; choose_url?: boolean }
export interface BooleanField extends FieldBase { widget: 'boolean'; default: boolean }
export interface NumberField extends FieldBase { widget: 'number'; value_type: 'int' | 'float'; min?: number; max?: number }
export interface DateField extends FieldBase {
  widget: 'datetime';
  format: string;
  date_format: string;
  time_format: false;
}
export interface SelectField extends FieldBase {
  widget: 'select';
  options: string[];
  multiple?: boolean;
  min?: number;
  max?: number;
  default?: string[];
}
export interface RelationField extends FieldBase {
  widget: 'relation';
  collection: string;
  value_field: string;
  search_fields: string[];
  display_fields: string[];
  options_length?: number;
}
export interface ObjectField extends FieldBase { widget: 'object'; fields: DecapField[]; collapsed?: boolean }
export interface ListField extends FieldBase {
  widget: 'list';
  label_singular?: string;
  /** A list of single values (strings): one field. */
  field?: DecapField;
  /** A list of objects. */
  fields?: DecapField[];
  summary?: string;
  min?: number;
  max?: number;
  default?: unknown[];
  collapsed?: boolean;
}

export type DecapField =
  | StringField | BodyField | FileField | BooleanField | NumberField | DateField
  | SelectField | RelationField | ObjectField | ListField;

export interface DecapCollection {
  name: string;
  label: string;
  label_singular: string;
  description?: string;
  folder: string;
  create: boolean;
  extension: 'md';
  format: 'frontmatter';
  slug: string;
  identifier_field: string;
  summary: string;
  sortable_fields?: (string | { field: string; default_sort?: 'asc' | 'desc' })[];
  fields: DecapField[];
}

export interface DecapBackend {
  name: 'github' | 'gitlab' | 'git-gateway';
  repo?: string;
  branch: string;
  base_url?: string;
  auth_endpoint?: string;
  api_root?: string;
  auth_type?: 'pkce' | 'implicit';
  app_id?: string;
  squash_merges?: boolean;
  commit_messages?: Record<string, string>;
}

export interface DecapConfig {
  load_config_file: false;
  locale: 'ko';
  backend: DecapBackend;
  local_backend: true | { url: string };
  publish_mode: 'editorial_workflow';
  media_folder: string;
  public_folder: string;
  site_url: string;
  display_url: string;
  show_preview_links: boolean;
  slug: { encoding: 'ascii'; clean_accents: boolean; sanitize_replacement: string };
  editor: { preview: boolean };
  collections: DecapCollection[];
}
