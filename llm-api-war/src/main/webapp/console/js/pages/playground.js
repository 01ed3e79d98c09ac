// Playground: a chat through the same /v1/chat/completions door applications use, streamed token by token, then
// what the gateway did: the provider that answered, the attempts, time to first token, tokens and the exact cost.
import { graphql, streamChat } from '../api.js';
import { count, field, h, ms, notice, table, usd } from '../dom.js';

const TARGETS = '{ llmModels { provider id } routes { name strategy } }';
const RECORD = `{ recentRequests(limit: 50) { requestId provider model route attempts attemptLog inputTokens
  outputTokens cost costBreakdown { part tokens pricePerToken amount } latencyMs timeToFirstTokenMs outcome errorKind } }`;

export async function render(root) {
  const model = h('select', { name: 'model', required: true });
  const system = h('textarea', { name: 'system', rows: 2 });
  const prompt = h('textarea', { name: 'prompt', rows: 4, required: true });
  const maxTokens = h('input', { name: 'max_tokens', type: 'number', min: 1, value: 256 });
  const temperature = h('input', { name: 'temperature', type: 'number', min: 0, max: 2, step: 0.1 });
  const send = h('button', { type: 'submit' }, 'Send');
  const stop = h('button', { type: 'button', class: 'secondary', disabled: true }, 'Stop');
  const answer = h('pre', { id: 'answer', class: 'answer', 'aria-live': 'polite', 'aria-label': 'Answer' });
  const facts = h('div', { id: 'answer-facts' });
  const form = h('form', { class: 'stack', 'aria-label': 'Chat' },
    field('Model or route', model), field('System message (optional)', system), field('Message', prompt),
    h('div', { class: 'row' }, field('Max tokens', maxTokens), field('Temperature (optional)', temperature)),
    h('div', { class: 'row' }, send, stop));
  root.append(h('h1', {}, 'Playground'), h('div', { class: 'playground' }, h('div', {}, form),
    h('div', {}, h('h2', { class: 'answer-title' }, 'Answer'), answer, facts)));

  try {
    const { llmModels, routes } = await graphql(TARGETS);
    model.replaceChildren(
      h('optgroup', { label: 'Routes' }, routes.map((r) => h('option', { value: r.name }, `${r.name} (${r.strategy})`))),
      h('optgroup', { label: 'Models' }, llmModels.map((m) => h('option', { value: `${m.provider}/${m.id}` },
        `${m.provider}/${m.id}`))));
  } catch (error) {
    facts.replaceChildren(notice('error', error.message));
  }

  let controller = null;
  stop.addEventListener('click', () => controller && controller.abort());
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const messages = [];
    if (system.value.trim()) messages.push({ role: 'system', content: system.value });
    messages.push({ role: 'user', content: prompt.value });
    const request = { model: model.value, messages, max_tokens: Number(maxTokens.value) || undefined };
    if (temperature.value !== '') request.temperature = Number(temperature.value);
    answer.textContent = '';
    facts.replaceChildren(h('p', {}, 'Streaming…'));
    controller = new AbortController();
    send.disabled = true;
    stop.disabled = false;
    try {
      const result = await streamChat(request, (text) => answer.append(text), controller.signal);
      facts.replaceChildren(...await describe(result));
    } catch (error) {
      facts.replaceChildren(notice('error', error.name === 'AbortError' ? 'Stopped.' : error.message));
    } finally {
      send.disabled = false;
      stop.disabled = true;
    }
  });
}

async function describe(result) {
  // the usage record has the exact cost; it is written when the request ends, and recentRequests reads it back
  const { recentRequests } = await graphql(RECORD);
  const record = recentRequests.find((r) => r.requestId === result.requestId);
  const usage = result.usage || {};
  const rows = [
    ['Provider', result.provider || '—'], ['Model', result.model || '—'], ['Route', result.route || 'none'],
    ['Attempts', result.attempts || (record && record.attempts) || '—'],
    ['Attempt log', (record && record.attemptLog) || '—'],
    ['Time to first token', ms(result.timeToFirstTokenMs)], ['Total time', ms(result.totalMs)],
    ['Input tokens', count(usage.prompt_tokens)], ['Output tokens', count(usage.completion_tokens)],
    ['Cost', record ? usd(record.cost) : 'not recorded yet'], ['Request id', result.requestId || '—'],
  ];
  const nodes = [h('dl', { class: 'facts', id: 'playground-facts' },
    rows.map(([name, value]) => h('div', {}, h('dt', {}, name), h('dd', { 'data-fact': name }, value))))];
  if (record && record.costBreakdown && record.costBreakdown.length) {
    nodes.push(table('How the cost was computed', ['Part', 'Tokens', 'Price per token', 'Amount'],
      record.costBreakdown.map((line) => [line.part, count(line.tokens), usd(line.pricePerToken), usd(line.amount)]),
      [1, 2, 3]));
  }
  return nodes;
}
