import { z } from 'zod';
import { InvalidInputError } from '@skillexam/shared';
import type { CertificateLevel } from './certificate-number';
import { ID_TYPES, idNumberProblem, type IdType } from './holder-id';

/*
 * One person to certify: identity, occupation and level, and the batch candidate it comes
 * from. Validated as a list: every bad row is reported (row number, field, what was expected)
 * and nothing is issued.
 */

export const OCCUPATION_CODE = /^[0-9]-[0-9]{2}-[0-9]{2}-[0-9]{2}$/;

export const HolderSchema = z.object({
  idType: z.enum(ID_TYPES).default('居民身份证'),
  idNumber: z.string().trim().min(1, '证件号码不能为空').max(40),
  name: z
    .string()
    .trim()
    .min(1, '姓名不能为空')
    .max(50, '姓名最多 50 个字符')
    .refine(
      (name) => ![...name].some((c) => c.charCodeAt(0) < 0x20 || c === '<' || c === '>'),
      '姓名含有不允许的字符（控制字符或尖括号）',
    ),
  occupationCode: z
    .string()
    .regex(OCCUPATION_CODE, '职业编码应为 X-XX-XX-XX 格式（国家职业分类大典），如 4-01-02-01'),
  occupationName: z.string().trim().min(1, '职业名称不能为空').max(100),
  jobType: z.string().trim().max(100).optional(),
  level: z.number().int().min(1).max(5),
  batchCandidateId: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional(),
});

export type HolderInput = z.input<typeof HolderSchema>;

export interface Holder {
  readonly idType: IdType;
  readonly idNumber: string;
  readonly name: string;
  readonly occupationCode: string;
  readonly occupationName: string;
  readonly jobType: string | undefined;
  readonly level: CertificateLevel;
  readonly batchCandidateId: string | undefined;
}

/** The holders, checked; throws InvalidInputError naming every bad row and field. */
export function parseHolders(input: readonly unknown[]): Holder[] {
  const problems: string[] = [];
  const holders: Holder[] = [];
  const seenCandidates = new Set<string>();
  input.forEach((raw, index) => {
    const row = `第 ${String(index + 1)} 位持证人`;
    const parsed = HolderSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push(`${row} ${issue.path.map(String).join('.')}: ${issue.message}`);
      }
      return;
    }
    const holder = parsed.data;
    const idProblem = idNumberProblem(holder.idType, holder.idNumber);
    if (idProblem !== undefined) problems.push(`${row} idNumber: ${idProblem}`);
    if (holder.batchCandidateId !== undefined) {
      if (seenCandidates.has(holder.batchCandidateId)) {
        problems.push(`${row} batchCandidateId: 考生 ${holder.batchCandidateId} 在列表中重复`);
      }
      seenCandidates.add(holder.batchCandidateId);
    }
    holders.push({
      idType: holder.idType,
      idNumber: holder.idNumber,
      name: holder.name,
      occupationCode: holder.occupationCode,
      occupationName: holder.occupationName,
      jobType: holder.jobType === '' ? undefined : holder.jobType,
      level: holder.level as CertificateLevel,
      batchCandidateId: holder.batchCandidateId,
    });
  });
  if (input.length === 0) problems.push('持证人列表为空');
  if (problems.length > 0) {
    throw new InvalidInputError(`证书未发放，持证人信息有误：${problems.slice(0, 20).join('；')}`, {
      problems,
    });
  }
  return holders;
}
