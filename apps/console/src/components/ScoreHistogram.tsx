import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useComponentText } from './component-messages';

use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

interface Props {
  readonly bins: readonly { from: number; to: number; count: number }[];
  readonly passMark: number;
}

/** 成绩分布: one bar per score band; bands at or above the pass mark in green. */
export function ScoreHistogram({ bins, passMark }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | undefined>(undefined);
  const countName = useComponentText()('histogramCount');
  useEffect(() => {
    if (box.current === null) return undefined;
    const instance = init(box.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = undefined;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({
      animation: false,
      grid: { left: 40, right: 16, top: 16, bottom: 40 },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: bins.map((b) => `${Math.round(b.from)}–${Math.round(b.to)}`),
        axisLabel: { interval: 0, fontSize: 11 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: countName,
          data: bins.map((b) => ({
            value: b.count,
            itemStyle: { color: b.from >= passMark ? '#52c41a' : '#ff7875' },
          })),
          label: { show: true, position: 'top' },
        },
      ],
    });
  }, [bins, passMark, countName]);
  return <div ref={box} data-testid="histogram" style={{ width: '100%', height: 260 }} />;
}
