// Providers and health: every provider with its health, breakers, last probe and error, whether its key is
// configured (never the key), and its models with prices, which an admin can edit here (exact decimals).
import { graphql } from '../api.js';
import { field, h, notice, shiftDecimal, table, when } from '../dom.js';

const QUERY = `{ llmProviders { id providerType name baseUrl apiKeyConfigured
  healthStatus { isHealthy lastCheck reason breakers { deployment state since failureRatio consecutiveFailures } }
  models { id name contextWindow maxTokens costPerInputToken costPerOutputToken priceOrigin priceCheckedOn deprecated }
} }`;
const DECIMAL = /^\d{1,9}(\.\d{1,15})?$/;

export async function render(root) {
  const output = h('div', { id: 'providers-output' }, h('p', {}, 'Loading…'));
  root.append(h('h1', {}, 'Providers and health'), output);
  const load = async (message) => {
    try {
      const { llmProviders } = await graphql(QUERY);
      const cards = llmProviders.map((p) => card(p, load));
      output.replaceChildren(...(message ? [message] : []), overview(llmProviders, cards), ...cards);
      if (llmProviders.length === 0) output.append(h('p', {}, 'No provider is configured.'));
    } catch (error) {
      output.replaceChildren(notice('error', error.message));
    }
  };
  await load();
}

function card(provider, reload) {
  const health = provider.healthStatus || {};
  const state = health.isHealthy ? 'healthy' : 'unhealthy';
  return h('section', { class: 'card', 'aria-labelledby': `p-${provider.id}`, 'data-provider': provider.id },
    h('h2', { id: `p-${provider.id}`, tabindex: -1 }, provider.name, ' ', h('span', { class: `badge ${state}` },
      health.isHealthy ? 'Healthy' : 'Unhealthy')),
    h('dl', { class: 'facts' },
      fact('Id', provider.id), fact('Type', provider.providerType), fact('Base URL', provider.baseUrl),
      fact('API key', provider.apiKeyConfigured ? 'configured' : 'not configured'),
      fact('Last probe', health.lastCheck ? when(health.lastCheck) : 'not probed yet'),
      fact('Last error', health.reason || 'none')),
    table(`Circuit breakers of ${provider.name}`, ['Deployment', 'State', 'Since', 'Failure ratio', 'Failures in a row'],
      (health.breakers || []).map((b) => [b.deployment, h('span', { class: `badge ${b.state.toLowerCase()}` }, b.state),
        when(b.since), `${Math.round(b.failureRatio * 100)} %`, b.consecutiveFailures]), [3, 4]),
    table(`Models of ${provider.name} (prices in US dollars per million tokens)`,
      ['Model', 'Context', 'Input', 'Output', 'Prices from', ''],
      provider.models.map((m) => [
        h('span', {}, m.id, ' ', m.deprecated ? h('span', { class: 'badge unhealthy' }, 'deprecated') : null),
        m.contextWindow.toLocaleString('en-US'), price(m.costPerInputToken), price(m.costPerOutputToken),
        [m.priceOrigin, m.priceCheckedOn].filter(Boolean).join(', '),
        h('button', { type: 'button', class: 'secondary', 'aria-label': `Edit prices of ${m.id}`,
          onclick: (event) => editPrices(event.target, provider, m, reload) }, 'Edit prices')]), [1, 2, 3]));
}

/** One line per provider, so an operator sees at a glance what is down; each name leads to its card. */
function overview(providers, cards) {
  const breakers = (health) => {
    const states = (health.breakers || []).map((b) => b.state);
    const open = states.filter((s) => s !== 'CLOSED').length;
    return states.length === 0 ? 'no traffic yet' : `${states.length - open} closed, ${open} open or half-open`;
  };
  return table('Overview', ['Provider', 'Type', 'Health', 'API key', 'Last probe', 'Breakers', 'Models'],
    providers.map((p, i) => {
      const health = p.healthStatus || {};
      return [h('button', { type: 'button', class: 'link', onclick: () => {
        cards[i].scrollIntoView();
        cards[i].querySelector('h2').focus();
      } }, p.name), p.providerType,
      h('span', { class: `badge ${health.isHealthy ? 'healthy' : 'unhealthy'}` }, health.isHealthy ? 'Healthy' : 'Unhealthy'),
      p.apiKeyConfigured ? 'configured' : 'not configured', health.lastCheck ? when(health.lastCheck) : 'not probed yet', breakers(health),
      p.models.length];
    }), [6]);
}

function fact(name, value) {
  return h('div', {}, h('dt', {}, name), h('dd', {}, value));
}

function price(perToken) {
  return perToken === null || perToken === undefined ? 'unpriced' : `$${shiftDecimal(perToken, 6)}`;
}

function editPrices(button, provider, model, reload) {
  const row = button.closest('tr');
  const input = h('input', { name: 'input', inputmode: 'decimal', required: true,
    value: model.costPerInputToken ? shiftDecimal(model.costPerInputToken, 6) : '' });
  const output = h('input', { name: 'output', inputmode: 'decimal', required: true,
    value: model.costPerOutputToken ? shiftDecimal(model.costPerOutputToken, 6) : '' });
  const status = h('div', {});
  const form = h('form', { class: 'inline-form', 'aria-label': `Prices of ${model.id}` },
    field('Input, $ per million tokens', input), field('Output, $ per million tokens', output),
    h('button', { type: 'submit' }, 'Save prices'), h('button', { type: 'button', class: 'secondary',
      onclick: () => reload() }, 'Cancel'), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const bad = [[input, 'Input'], [output, 'Output']].find(([i]) => !DECIMAL.test(i.value.trim()));
    if (bad) {
      status.replaceChildren(notice('error', `${bad[1]} price must be a plain decimal such as 2.50.`));
      bad[0].focus();
      return;
    }
    // Exact decimals go into the document as literals: JSON variables would pass through doubles in the browser.
    const perToken = (i) => shiftDecimal(i.value.trim(), -6);
    const mutation = `mutation Price($id: String, $type: String!, $name: String!, $model: String!) {
      configureLlmProvider(input: {id: $id, providerType: $type, name: $name, models: [{id: $model,
        costPerInputToken: ${perToken(input)}, costPerOutputToken: ${perToken(output)}}]}) { id } }`;
    try {
      await graphql(mutation, { id: provider.id, type: provider.providerType, name: provider.name, model: model.id });
      await reload(notice('ok', `Prices of ${model.id} saved.`));
    } catch (error) {
      status.replaceChildren(notice('error', error.message));
    }
  });
  const cell = h('td', { colspan: row.children.length }, form);
  row.replaceChildren(cell);
  input.focus();
}
