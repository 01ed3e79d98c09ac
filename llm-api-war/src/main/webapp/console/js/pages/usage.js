// Usage and cost over time: the usageSeries query, drawn as stacked bars by provider, model or key, with p50/p95
// latency, a table under each chart and the figures as CSV.
import { graphql } from '../api.js';
import { addDecimals, count, downloadCsv, field, h, ms, notice, table, usd } from '../dom.js';
import { lines, stackedBars } from '../chart.js';

const RANGES = { '24h': 24, '7d': 24 * 7, '30d': 24 * 30 };
const METRICS = {
  requests: { title: 'Requests', value: (g) => g.requests, format: count },
  errors: { title: 'Errors', value: (g) => g.errors, format: count },
  tokens: { title: 'Tokens (input + output)', value: (g) => g.inputTokens + g.outputTokens, format: count },
  cost: { title: 'Cost (US dollars)', value: (g) => Number(g.cost), exact: (g) => g.cost,
    format: (v) => `$${Number(v).toPrecision(3).replace(/\.?0+$/, '')}` },
};

const QUERY = `query Usage($from: String, $to: String, $bucket: UsageBucket, $groupBy: UsageGroupBy) {
  usageSeries(from: $from, to: $to, bucket: $bucket, groupBy: $groupBy) {
    bucket from to groups
    points { start requests errors inputTokens outputTokens cost p50LatencyMs p95LatencyMs
      groups { group requests errors inputTokens outputTokens cost } }
  }
}`;

function select(name, options, chosen) {
  return h('select', { name }, Object.entries(options).map(([value, text]) =>
    h('option', { value, selected: value === chosen }, text)));
}

export async function render(root) {
  const state = { range: '24h', bucket: 'HOUR', groupBy: 'PROVIDER', metric: 'requests', top: '8' };
  const controls = h('form', { class: 'controls', 'aria-label': 'Usage range and grouping' },
    field('Range', select('range', { '24h': 'Last 24 hours', '7d': 'Last 7 days', '30d': 'Last 30 days' }, state.range)),
    field('Bucket', select('bucket', { HOUR: 'Hour', DAY: 'Day' }, state.bucket)),
    field('Stacked by', select('groupBy', { PROVIDER: 'Provider', MODEL: 'Model', API_KEY: 'Key' }, state.groupBy)),
    field('Show', select('metric', Object.fromEntries(Object.entries(METRICS).map(([k, m]) => [k, m.title])),
      state.metric)),
    field('Groups drawn', select('top', { 8: 'Top 8', 20: 'Top 20', all: 'All' }, state.top)),
    h('button', { type: 'button', class: 'secondary', id: 'usage-csv' }, 'Export CSV'));
  const output = h('div', { id: 'usage-output', 'aria-live': 'polite' }, h('p', {}, 'Loading…'));
  root.append(h('h1', {}, 'Usage and cost'), controls, output);

  let series = null;
  const load = async () => {
    // user timing marks: benchmark/console.sh reads how long a load takes, from the browser's own clock
    performance.mark('usage-load-start');
    const hours = RANGES[state.range];
    const to = new Date();
    const from = new Date(to.getTime() - hours * 3600 * 1000);
    try {
      series = (await graphql(QUERY, { from: from.toISOString(), to: to.toISOString(), bucket: state.bucket,
        groupBy: state.groupBy })).usageSeries;
      series.names = state.groupBy === 'API_KEY' ? await keyNames() : {};
      draw();
      performance.measure('usage-load', 'usage-load-start');
    } catch (error) {
      output.replaceChildren(notice('error', error.message));
    }
  };
  const draw = () => output.replaceChildren(...view(series, METRICS[state.metric], state.bucket, state.top));
  controls.addEventListener('change', (event) => {
    state[event.target.name] = event.target.value;
    if ((event.target.name === 'metric' || event.target.name === 'top') && series) draw(); else load();
  });
  controls.querySelector('#usage-csv').addEventListener('click', () => series && exportCsv(series));
  await load();
}

/** Key ids by name, for an admin; a client key may not list keys and sees its own id. */
async function keyNames() {
  try {
    return Object.fromEntries((await graphql('{ apiKeys { id name } }')).apiKeys.map((k) => [k.id, `${k.name} (${k.id})`]));
  } catch {
    return {};
  }
}

function bucketLabel(start, bucket) {
  return bucket === 'DAY' ? start.slice(0, 10) : `${start.slice(5, 10)} ${start.slice(11, 16)}`;
}

/**
 * The groups drawn: the top ones by the chosen figure over the range, the rest summed as one "other" group, so a
 * gateway with hundreds of models still gets a readable chart (the CSV always has every group).
 */
function shownGroups(series, metric, top) {
  const total = new Map(series.groups.map((name) => [name, 0]));
  for (const p of series.points) {
    for (const g of p.groups) total.set(g.group, total.get(g.group) + metric.value(g));
  }
  const ranked = [...series.groups].sort((a, b) => total.get(b) - total.get(a));
  const keep = top === 'all' || ranked.length <= Number(top) + 1 ? ranked : ranked.slice(0, Number(top));
  const kept = new Set(keep);
  const shown = series.groups.filter((name) => kept.has(name)) // in the series' own order
    .map((name) => ({ name: series.names[name] || name, members: new Set([name]) }));
  const rest = series.groups.filter((name) => !kept.has(name));
  if (rest.length) shown.push({ name: `other (${rest.length} groups)`, members: new Set(rest) });
  return shown;
}

function view(series, metric, bucket, top) {
  const labels = series.points.map((p) => bucketLabel(p.start, bucket));
  const groups = shownGroups(series, metric, top);
  const members = (p, group) => p.groups.filter((g) => group.members.has(g.group));
  const stacked = groups.map((group) => ({ name: group.name,
    values: series.points.map((p) => members(p, group).reduce((sum, g) => sum + metric.value(g), 0)) }));
  const totals = series.points.reduce((t, p) => ({ requests: t.requests + p.requests, errors: t.errors + p.errors,
    tokens: t.tokens + p.inputTokens + p.outputTokens, cost: addDecimals(t.cost, p.cost) }),
  { requests: 0, errors: 0, tokens: 0, cost: '0' });
  const busy = series.points.filter((p) => p.requests > 0);
  const cell = (p, group) => {
    const found = members(p, group);
    if (!found.length) return '';
    return metric.exact ? usd(found.map(metric.exact).reduce(addDecimals))
      : metric.format(found.reduce((sum, g) => sum + metric.value(g), 0));
  };
  return [
    h('dl', { class: 'tiles' },
      tile('Requests', count(totals.requests)), tile('Errors', count(totals.errors)),
      tile('Tokens', count(totals.tokens)), tile('Cost', usd(totals.cost))),
    h('h2', {}, `${metric.title} per ${bucket.toLowerCase()}`),
    stackedBars({ label: `${metric.title} per ${bucket.toLowerCase()}, stacked by group; the table below has the figures`,
      labels, series: stacked, formatValue: metric.format, whole: !metric.exact }),
    table(`${metric.title} per ${bucket.toLowerCase()} and group`, ['Bucket (UTC)', ...groups.map((g) => g.name), 'Total'],
      busy.map((p) => [bucketLabel(p.start, bucket), ...groups.map((group) => cell(p, group)),
        metric.exact ? usd(p.cost) : metric.format(metric.value(p))]),
      groups.map((_, i) => i + 1).concat(groups.length + 1)),
    h('h2', {}, 'Latency'),
    lines({ label: 'p50 and p95 latency per bucket in milliseconds; the table below has the figures', labels,
      series: [{ name: 'p50', values: series.points.map((p) => p.p50LatencyMs) },
        { name: 'p95', values: series.points.map((p) => p.p95LatencyMs) }], formatValue: (v) => `${Math.round(v)} ms` }),
    table('Latency per bucket', ['Bucket (UTC)', 'Requests', 'p50', 'p95'],
      busy.map((p) => [bucketLabel(p.start, bucket), count(p.requests), ms(p.p50LatencyMs), ms(p.p95LatencyMs)]),
      [1, 2, 3]),
  ];
}

function tile(name, value) {
  return h('div', { class: 'tile' }, h('dt', {}, name), h('dd', {}, value));
}

function exportCsv(series) {
  const rows = series.points.flatMap((p) => p.groups.map((g) => [p.start, g.group, g.requests, g.errors,
    g.inputTokens, g.outputTokens, g.cost, p.p50LatencyMs, p.p95LatencyMs]));
  downloadCsv(`usage-${series.bucket.toLowerCase()}-${series.from.slice(0, 13)}.csv`,
    ['bucket_start', 'group', 'requests', 'errors', 'input_tokens', 'output_tokens', 'cost_usd',
      'bucket_p50_latency_ms', 'bucket_p95_latency_ms'], rows);
}
