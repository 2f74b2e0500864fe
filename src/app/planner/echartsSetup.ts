// ECharts with only what the planner's charts use (line charts, SVG renderer); imported lazily
// by SummaryCharts.tsx so the planner's first paint does not wait for it.
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { echarts };
