import { describe, expect, it } from 'vitest';
import { isKeyPartHeading, sectionHeading } from './docx-headings';

describe('Word paper headings', () => {
  it('reads section headings with or without 「一、」, with score notes', () => {
    expect(sectionHeading('一、单项选择题')).toEqual({
      title: '单项选择题',
      typeHint: 'single_choice',
    });
    expect(sectionHeading('判断题')).toEqual({ title: '判断题', typeHint: 'true_false' });
    expect(sectionHeading('二、判断题（正确的打“√”，错误的打“×”）')).toMatchObject({
      typeHint: 'true_false',
    });
    expect(sectionHeading('三、综合探究题')).toEqual({
      title: '综合探究题',
      typeHint: 'short_answer',
    });
    expect(sectionHeading('一、单项选择题：本大题共10小题，每小题2分，共20分。')).toMatchObject({
      title: '单项选择题',
    });
    expect(sectionHeading('四、不定项选择题')).toMatchObject({ typeHint: 'multiple_choice' });
    // A numbered section whose name says no type: a heading, types inferred per question.
    expect(sectionHeading('五、作图题')).toEqual({ title: '作图题' });
  });

  it('does not take questions or prose for headings', () => {
    expect(sectionHeading('1. 判断题中正确的是（  ）。')).toBeUndefined();
    expect(sectionHeading('作图题')).toBeUndefined();
    expect(sectionHeading('请判断下列说法是否正确，正确的打√。')).toBeUndefined();
    expect(sectionHeading('2025年电工（四级）理论知识模拟试卷')).toBeUndefined();
  });

  it('knows the key part heading, but not a 参考答案： line', () => {
    expect(isKeyPartHeading('参考答案')).toBe(true);
    expect(isKeyPartHeading('四、参考答案及解析')).toBe(true);
    expect(isKeyPartHeading('参考答案：B')).toBe(false);
    expect(isKeyPartHeading('参考答案：')).toBe(false);
  });
});
