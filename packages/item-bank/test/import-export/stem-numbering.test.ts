import { describe, expect, it } from 'vitest';
import { stripStemNumber } from '../../src/import-export/stem-numbering';

describe('stem numbering', () => {
  it.each([
    ['572\t电气设备外壳接地属于保护接地。', '电气设备外壳接地属于保护接地。'],
    ['127、特种作业人员必须持证上岗。', '特种作业人员必须持证上岗。'],
    ['2.电焊机的外壳应可靠接地。', '电焊机的外壳应可靠接地。'],
    ['2．电焊机的外壳应可靠接地。', '电焊机的外壳应可靠接地。'],
    ['（1）漏电保护器的动作电流为（ ）。', '漏电保护器的动作电流为（ ）。'],
    ['(1) 漏电保护器的动作电流为（ ）。', '漏电保护器的动作电流为（ ）。'],
    ['1)登高作业应系好安全带。', '登高作业应系好安全带。'],
    ['第12题 焊接烟尘的主要危害是（ ）。', '焊接烟尘的主要危害是（ ）。'],
    ['第 3 题：氧气瓶与乙炔瓶的间距不小于（ ）m。', '氧气瓶与乙炔瓶的间距不小于（ ）m。'],
  ])('removes the number from %s', (stem, expected) => {
    expect(stripStemNumber(stem)).toBe(expected);
  });

  it.each([
    '220V 电压属于低压。',
    '3.5 mm 的焊条应选用多大电流？',
    '1 kW 电动机满载运行 1 h 耗电 1 kWh。',
    '380V三相电源的线电压是相电压的√3倍。',
    '1.5倍额定电流的过载保护应在（ ）内动作。',
    '2 台变压器并列运行的条件是（ ）。',
    '10kV 线路停电检修时，应先（ ）。',
    '安全电压为 36V。',
  ])('keeps a leading number that is content: %s', (stem) => {
    expect(stripStemNumber(stem)).toBe(stem);
  });

  it('keeps a stem that is only a number', () => {
    expect(stripStemNumber('12、')).toBe('12、');
  });
});
