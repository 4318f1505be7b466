import { clipped, niceCeiling, s } from './svg';

export interface Bar {
  label: string;
  value: number | null;
}

export interface BarChartOptions {
  /** What the chart shows, for screen readers and the tooltip. */
  title: string;
  /** How a value is written on its bar and the axis. */
  format: (value: number) => string;
  /** The bar colour class (sup-bar-red, sup-bar-blue …). */
  tone: string;
  /** Counts: the axis is marked in whole numbers only (no 0.5 of a case). */
  wholeNumbers?: boolean;
}

/** The axis's top and marks: a quarter-split of a round top, or for counts whole steps up to a multiple of the step. */
function axis(highest: number, wholeNumbers: boolean): { top: number; ticks: number[] } {
  if (!wholeNumbers) {
    const top = niceCeiling(highest);
    return { top, ticks: [0, 0.25, 0.5, 0.75, 1].map((share) => share * top) };
  }
  const step = Math.max(1, Math.ceil(highest / 4));
  const top = step * Math.max(1, Math.ceil(highest / step));
  return { top, ticks: Array.from({ length: top / step + 1 }, (_, index) => index * step) };
}

const height = 220;
const margin = { top: 24, right: 12, bottom: 44, left: 44 };
const band = 112;

/** Vertical bars with a value axis and grid, as inline SVG; a missing value draws no bar but keeps its place. */
export function barChart(bars: Bar[], options: BarChartOptions): SVGSVGElement {
  const width = margin.left + margin.right + Math.max(1, bars.length) * band;
  const plotHeight = height - margin.top - margin.bottom;
  const { top, ticks } = axis(Math.max(0, ...bars.map((bar) => bar.value ?? 0)), options.wholeNumbers ?? false);
  const y = (value: number) => margin.top + plotHeight - (value / top) * plotHeight;
  return s(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': options.title, class: 'sup-chart sup-bar-chart' },
    s('title', {}, options.title),
    ...ticks.flatMap((tick) => [
      s('line', { x1: margin.left, x2: width - margin.right, y1: y(tick), y2: y(tick), class: 'sup-grid' }),
      s('text', { x: margin.left - 6, y: y(tick) + 4, class: 'sup-axis', 'text-anchor': 'end' }, options.format(tick)),
    ]),
    ...bars.flatMap((bar, index) => {
      const x = margin.left + index * band + band * 0.2;
      const barWidth = band * 0.6;
      const centre = x + barWidth / 2;
      const label = s('text', { x: centre, y: height - margin.bottom + 16, class: 'sup-axis', 'text-anchor': 'middle' }, clipped(bar.label, 16));
      if (bar.value === null) return [label, s('text', { x: centre, y: y(0) - 6, class: 'sup-value', 'text-anchor': 'middle' }, '—')];
      return [
        s('rect', { x, y: y(bar.value), width: barWidth, height: Math.max(0, y(0) - y(bar.value)), class: `sup-bar ${options.tone}` }, s('title', {}, `${bar.label}: ${options.format(bar.value)}`)),
        s('text', { x: centre, y: y(bar.value) - 6, class: 'sup-value', 'text-anchor': 'middle' }, options.format(bar.value)),
        label,
      ];
    }),
    s('line', { x1: margin.left, x2: width - margin.right, y1: y(0), y2: y(0), class: 'sup-baseline' }),
  );
}
