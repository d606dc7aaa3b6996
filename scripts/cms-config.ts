/**
 * `npm run cms:config` — generate the Decap CMS configuration from the schemas and print it
 * (or write it with `--out FILE`). Options come from the environment (see cmsOptionsFromEnv
 * in src/lib/cms/config.ts). Exits 1 with the collection and field when a schema field has no
 * CMS equivalent. The build and `npm start` serve the same JSON as /admin/config.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { cmsConfig, cmsOptionsFromEnv } from '../src/lib/cms/config.ts';

const { values } = parseArgs({ options: { out: { type: 'string' }, summary: { type: 'boolean' } } });

try {
  const config = cmsConfig(cmsOptionsFromEnv(process.env));
  const json = `${JSON.stringify(config, null, 2)}\n`;
  if (values.out) {
    mkdirSync(dirname(values.out), { recursive: true });
    writeFileSync(values.out, json);
  } else if (!values.summary) {
    process.stdout.write(json);
  }
  if (values.summary || values.out) {
    type Node = { fields?: Node[]; field?: Node };
    const count = (fields: Node[]): number => fields.reduce((n, f) => n + 1 + count(f.fields ?? (f.field ? [f.field] : [])), 0);
    const lines = config.collections.map((c) => `  ${c.name} (${c.label}): 항목 ${count(c.fields as Node[])}개 → ${c.folder}/`);
    console.error(`CMS 설정 생성: 모음 ${config.collections.length}개${values.out ? ` → ${values.out}` : ''}\n${lines.join('\n')}`);
  }
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
