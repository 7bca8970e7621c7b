import { ItemContentSchema, itemBodyFromText } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { contentMessageZh } from './content-messages';

describe('contentMessageZh', () => {
  it('translates every message the shared per-type checks produce for a broken item', () => {
    const result = ItemContentSchema.safeParse({
      type: 'multiple_choice',
      assessmentPointId: 'p',
      level: 5,
      difficulty: 3,
      stem: itemBodyFromText(' '),
      options: [
        { id: 'A', content: itemBodyFromText('甲') },
        { id: 'A', content: itemBodyFromText('') },
        { id: 'C', content: itemBodyFromText('丙') },
      ],
      key: ['A', 'A', 'D'],
    });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => contentMessageZh(issue.message)) ?? [];
    expect(messages).toEqual([
      '题干为空',
      '选项 A 重复出现',
      '选项A为空',
      '答案中的选项 A 重复',
      '答案“D”不在选项（A, C）中',
    ]);
  });

  it('keeps unknown messages with a Chinese prefix', () => {
    expect(contentMessageZh('Too big')).toBe('内容不符合要求：Too big');
  });
});
