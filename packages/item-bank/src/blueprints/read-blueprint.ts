import { errorMessage, BlueprintSchema, CodedError, type Blueprint } from '@skillexam/shared';

/*
 * Reads a blueprint file (JSON, docs/formats/blueprint.md). Every problem names the file and
 * the field, in Chinese, and nothing is used until the whole file is valid.
 */

export class BlueprintFileError extends CodedError {
  readonly issues: readonly string[];
  constructor(file: string, issues: readonly string[]) {
    super(
      'BAD_REQUEST',
      `组卷方案 ${file} 无效：\n${issues.map((issue) => `  - ${issue}`).join('\n')}`,
    );
    this.name = 'BlueprintFileError';
    this.issues = issues;
  }
}

export function parseBlueprintJson(text: string, file: string): Blueprint {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = errorMessage(error);
    throw new BlueprintFileError(file, [`不是有效的 JSON：${reason}`]);
  }
  const result = BlueprintSchema.safeParse(value);
  if (!result.success) {
    throw new BlueprintFileError(
      file,
      result.error.issues.map((issue) => {
        const where = issue.path.length === 0 ? '（整个文件）' : issue.path.join('.');
        return `字段 ${where}：${issue.message}`;
      }),
    );
  }
  return result.data;
}
