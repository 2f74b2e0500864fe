import { useEffect, useRef } from 'react';

/**
 * One ECharts chart from a prepared option (ECharts loaded on first use, SVG renderer), resized
 * with the window. The option is built by a pure function (compareCharts.ts).
 */
export function ChartBox({ title, option, testId, tall }: { title: string; option: Record<string, unknown>; testId: string; tall?: boolean }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let chart: { dispose(): void; resize(): void } | null = null;
    const onResize = () => chart?.resize();
    void import('./echartsSetup.ts').then(({ echarts }) => {
      if (disposed || !el.current) return;
      const c = echarts.init(el.current, undefined, { renderer: 'svg' });
      chart = c;
      c.setOption(option);
      window.addEventListener('resize', onResize);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [option]);
  return (
    <figure className="pl-chart">
      <figcaption>{title}</figcaption>
      <div ref={el} className={tall ? 'pl-chart-box pl-chart-tall' : 'pl-chart-box'} data-testid={testId} />
    </figure>
  );
}
