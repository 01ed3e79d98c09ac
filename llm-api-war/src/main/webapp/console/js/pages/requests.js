// Recent requests: the latest routed requests with route, attempts and outcome, filtered on the page.
import { graphql } from '../api.js';
import { count, field, h, ms, notice, table, usd } from '../dom.js';

const QUERY = `query Recent($limit: Int!) { recentRequests(limit: $limit) { requestId createdAt callerKeyId route
  requestedModel provider model streamed attempts attemptLog inputTokens outputTokens cost latencyMs
  timeToFirstTokenMs outcome errorKind cacheHit } }`;

export async function render(root) {
  const search = h('input', { name: 'search', type: 'search', autocomplete: 'off' });
  const outcome = h('select', { name: 'outcome' }, ['', 'SUCCESS', 'ERROR', 'CANCELLED'].map((o) =>
    h('option', { value: o }, o || 'any')));
  const limit = h('select', { name: 'limit' }, [50, 200, 1000].map((n) => h('option', { value: n }, String(n))));
  const refresh = h('button', { type: 'button', class: 'secondary' }, 'Refresh');
  const output = h('div', { id: 'requests-output', 'aria-live': 'polite' }, h('p', {}, 'Loading…'));
  root.append(h('h1', {}, 'Recent requests'),
    h('form', { class: 'controls', 'aria-label': 'Filter requests', onsubmit: (e) => e.preventDefault() },
      field('Find (model, route, provider, key, request id, error)', search), field('Outcome', outcome),
      field('Latest', limit), refresh), output);

  let records = [];
  const draw = () => {
    const needle = search.value.trim().toLowerCase();
    const shown = records.filter((r) => (!outcome.value || r.outcome === outcome.value) && (!needle
      || [r.requestedModel, r.route, r.provider, r.model, r.callerKeyId, r.requestId, r.errorKind, r.attemptLog]
        .some((v) => v && v.toLowerCase().includes(needle))));
    output.replaceChildren(h('p', {}, `${shown.length} of ${records.length} requests`),
      table('Recent requests, newest first', ['Finished (UTC)', 'Key', 'Asked for', 'Answered by', 'Attempts',
        'Outcome', 'Tokens in/out', 'Cost', 'Latency', 'First token'], shown.map((r) => [
        r.createdAt.slice(0, 19).replace('T', ' '), r.callerKeyId || 'anonymous',
        r.route ? `${r.requestedModel} (route)` : r.requestedModel,
        r.provider ? `${r.provider}/${r.model || '?'}` : '—',
        h('span', { title: r.attemptLog || '' }, String(r.attempts)),
        h('span', { class: `badge ${r.outcome.toLowerCase()}` }, r.errorKind ? `${r.outcome} ${r.errorKind}` : r.outcome),
        `${count(r.inputTokens)} / ${count(r.outputTokens)}`, r.cacheHit ? 'cache hit' : usd(r.cost),
        ms(r.latencyMs), ms(r.timeToFirstTokenMs)]), [4, 6, 7, 8, 9]));
  };
  const load = async () => {
    try {
      records = (await graphql(QUERY, { limit: Number(limit.value) })).recentRequests;
      draw();
    } catch (error) {
      output.replaceChildren(notice('error', error.message));
    }
  };
  search.addEventListener('input', draw);
  outcome.addEventListener('change', draw);
  limit.addEventListener('change', load);
  refresh.addEventListener('click', load);
  await load();
}
