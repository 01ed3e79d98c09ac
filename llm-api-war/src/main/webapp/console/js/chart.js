// Charts drawn as inline SVG: a few hundred rectangles or one polyline per series, so a week of hourly buckets
// renders in milliseconds and needs no chart library. Each chart is an image with a text alternative; the table
// under it carries the same figures for screen readers and for copying.

const SVG = 'http://www.w3.org/2000/svg';
// Okabe–Ito colours (distinguishable with colour-blindness), then darker tones for further series.
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000',
  '#6A3D9A', '#8C564B', '#1B9E77', '#7F7F7F'];
const WIDTH = 960;
const HEIGHT = 260;
const PAD = { left: 64, right: 36, top: 12, bottom: 40 };

function svg(tag, attributes = {}) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

/** A round axis maximum; for whole counts one whose quarters are whole too (no tick at 3.75 requests). */
function niceMax(value, whole) {
  if (value <= 0) return whole ? 4 : 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const max = [1, 2, 2.5, 5, 10].map((step) => step * power).find((candidate) => candidate >= value);
  return whole ? Math.ceil(max / 4) * 4 : max;
}

function frame(label, max, formatTick, labels) {
  const root = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': label,
    preserveAspectRatio: 'none', class: 'chart' });
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  for (let i = 0; i <= 4; i++) {
    const y = PAD.top + plotHeight - (plotHeight * i) / 4;
    root.append(svg('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: y, y2: y, class: 'grid' }));
    const tick = svg('text', { x: PAD.left - 6, y: y + 4, class: 'tick', 'text-anchor': 'end' });
    tick.textContent = formatTick((max * i) / 4);
    root.append(tick);
  }
  const every = Math.max(1, Math.ceil(labels.length / 8));
  labels.forEach((text, i) => {
    if (i % every !== 0) return;
    const x = PAD.left + ((WIDTH - PAD.left - PAD.right) * (i + 0.5)) / labels.length;
    const tick = svg('text', { x, y: HEIGHT - PAD.bottom + 16, class: 'tick', 'text-anchor': 'middle' });
    tick.textContent = text;
    root.append(tick);
  });
  return root;
}

function legend(series) {
  const list = document.createElement('ul');
  list.className = 'legend';
  series.forEach((s, i) => {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = s.color || PALETTE[i % PALETTE.length];
    item.append(swatch, document.createTextNode(s.name));
    list.append(item);
  });
  return list;
}

/**
 * Stacked bars: labels along the x axis, series = [{name, values}] with one value per label. Each bar segment
 * carries a tooltip (title) with the series, the bucket and the value.
 */
export function stackedBars({ label, labels, series, formatValue = String, whole = false }) {
  const totals = labels.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] || 0), 0));
  const max = niceMax(Math.max(0, ...totals), whole);
  const root = frame(label, max, formatValue, labels);
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / Math.max(1, labels.length);
  const barWidth = Math.max(1, slot * 0.8);
  labels.forEach((bucket, i) => {
    let base = 0;
    series.forEach((s, k) => {
      const value = s.values[i] || 0;
      if (value <= 0) return;
      const height = (plotHeight * value) / max;
      const rect = svg('rect', { x: PAD.left + slot * i + (slot - barWidth) / 2,
        y: PAD.top + plotHeight - base - height, width: barWidth, height,
        fill: PALETTE[k % PALETTE.length], class: 'bar' });
      const title = svg('title');
      title.textContent = `${s.name} · ${bucket}: ${formatValue(value)}`;
      rect.append(title);
      root.append(rect);
      base += height;
    });
  });
  return wrap(root, series);
}

/** Lines over the same x axis: series = [{name, values}] where a null value leaves a gap. */
export function lines({ label, labels, series, formatValue = String }) {
  const all = series.flatMap((s) => s.values.filter((v) => v !== null && v !== undefined));
  const max = niceMax(Math.max(0, ...all));
  const root = frame(label, max, formatValue, labels);
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (i) => PAD.left + (plotWidth * (i + 0.5)) / Math.max(1, labels.length);
  const y = (v) => PAD.top + plotHeight - (plotHeight * v) / max;
  series.forEach((s, k) => {
    const color = PALETTE[k % PALETTE.length];
    let path = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === null || v === undefined) {
        pen = false;
        return;
      }
      path += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
      const dot = svg('circle', { cx: x(i), cy: y(v), r: 3, fill: color, class: 'point' });
      const title = svg('title');
      title.textContent = `${s.name} · ${labels[i]}: ${formatValue(v)}`;
      dot.append(title);
      root.append(dot);
    });
    root.insertBefore(svg('path', { d: path || 'M0,0', stroke: color, fill: 'none', 'stroke-width': 2 }),
      root.querySelector('circle'));
  });
  return wrap(root, series);
}

function wrap(chart, series) {
  const figure = document.createElement('div');
  figure.className = 'chart-box';
  figure.append(chart, legend(series));
  return figure;
}
