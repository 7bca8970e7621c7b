import { describe, expect, it } from 'vitest';
import { CodedError } from '../protocol/ack';
import { errorMessage } from './error-message';

describe('errorMessage', () => {
  it('reads the message of an Error and of its subclasses', () => {
    expect(errorMessage(new Error('题库文件无法打开'))).toBe('题库文件无法打开');
    expect(errorMessage(new CodedError('BAD_REQUEST', '鉴定点 A-B-001 不存在'))).toBe(
      '鉴定点 A-B-001 不存在',
    );
  });

  it('writes anything else thrown as text', () => {
    expect(errorMessage('磁盘已满')).toBe('磁盘已满');
    expect(errorMessage(404)).toBe('404');
    expect(errorMessage(undefined)).toBe('undefined');
    expect(errorMessage({ code: 'E' })).toBe('[object Object]');
  });
});
