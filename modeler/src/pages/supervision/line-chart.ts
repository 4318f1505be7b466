import { s } from './svg';

export interface Point {
  label: string;
  /** A share from 0 to 1; null when there is nothing to measure (no case completed). */
  value: number | null;
}

const width = 560;
const height = 240;
const margin = { top: 24, right: 24, bottom: 36, left: 48 };

/**
 * A rate over time as inline SVG: 0–100 % axis with grid, a line through the measured points
 * (broken where a point has no value) and a dot and label per point.
 */
export function rateLineChart(points: Point[], title: string, format: (value: number) => string): SVGSVGElement {
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const x = (index: number) => margin.left + (points.length <= 1 ? plotWidth / 2 : (index / (points.length - 1)) * plotWidth);
  const y = (value: number) => margin.top + plotHeight - value * plotHeight;
  let path = '';
  let pen = false;
  points.forEach((point, index) => {
    if (point.value === null) return void (pen = false);
    path += `${pen ? 'L' : 'M'}${x(index).toFixed(1)},${y(point.value).toFixed(1)} `;
    pen = true;
  });
  return s(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': title, class: 'sup-chart sup-line-chart' },
    s('title', {}, title),
    s('rect', { x: margin.left, y: margin.top, width: plotWidth, height: plotHeight, class: 'sup-plot' }),
    ...[0, 0.25, 0.5, 0.75, 1].flatMap((tick) => [
      s('line', { x1: margin.left, x2: width - margin.right, y1: y(tick), y2: y(tick), class: 'sup-grid' }),
      s('text', { x: margin.left - 6, y: y(tick) + 4, class: 'sup-axis', 'text-anchor': 'end' }, format(tick)),
    ]),
    path && s('path', { d: path.trim(), class: 'sup-line' }),
    ...points.flatMap((point, index) => [
      s('text', { x: x(index), y: height - margin.bottom + 18, class: 'sup-axis', 'text-anchor': 'middle' }, point.label),
      ...(point.value === null
        ? [s('text', { x: x(index), y: y(0) - 6, class: 'sup-value', 'text-anchor': 'middle' }, '—')]
        : [
            s('circle', { cx: x(index), cy: y(point.value), r: 4, class: 'sup-dot' }, s('title', {}, `${point.label}: ${format(point.value)}`)),
            s('text', { x: x(index), y: y(point.value) - 9, class: 'sup-value', 'text-anchor': 'middle' }, format(point.value)),
          ]),
    ]),
  );
}
