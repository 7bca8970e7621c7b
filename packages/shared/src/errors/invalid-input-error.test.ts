import { describe, expect, it } from 'vitest';
import { CodedError, toFailedAck } from '../protocol/ack';
import { InvalidInputError } from './invalid-input-error';

describe('InvalidInputError', () => {
  it('is a CodedError with code BAD_REQUEST, so every boundary reads it the same way', () => {
    const error = new InvalidInputError('试卷文件 paper-A.json 无效：sections 不能为空', {
      issues: ['sections 不能为空'],
    });
    expect(error).toBeInstanceOf(CodedError);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.name).toBe('InvalidInputError');
    expect(error.details).toEqual({ issues: ['sections 不能为空'] });
    expect(toFailedAck(error)).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: '试卷文件 paper-A.json 无效：sections 不能为空' },
    });
  });

  it('carries no payload unless given one', () => {
    expect(new InvalidInputError('请用 --bank <文件> 指定题库文件').details).toBeUndefined();
  });
});
