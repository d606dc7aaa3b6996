/** Korean labels of program fields, read from the schema (nothing restates them). */
import { fieldMeta } from '../../schemas/meta.ts';
import { programSchema } from '../../schemas/programs.ts';

type ProgramField = keyof typeof programSchema.shape;

/** The schema's label of a program field, e.g. `applyPeriod` → 신청기간. */
export function programLabel(name: ProgramField): string {
  const label = fieldMeta(programSchema.shape[name])?.label;
  if (!label) throw new Error(`programs.${String(name)}: 스키마에 라벨(meta.label)이 없습니다`);
  return label;
}

/** Labels of fields that are not stored but shown: derived 진행단계 and the source table's 참여신청 column. */
export const DERIVED_LABELS = { status: '진행단계', applyKind: '참여신청' } as const;
