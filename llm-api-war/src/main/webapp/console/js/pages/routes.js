// Routes: named virtual models. List them, create or edit one (fallback, cheapest, fastest, weighted) and see the
// gateway's validation errors next to the form.
import { graphql } from '../api.js';
import { confirmingButton, field, h, notice, table } from '../dom.js';

const QUERY = `{ routes { name strategy candidates weights cacheTtlSeconds source }
  llmModels { provider id } }`;
const SAVE = `mutation Save($input: RouteInput!) { configureRoute(input: $input) { name strategy candidates } }`;
const REMOVE = 'mutation Remove($name: String!) { removeRoute(name: $name) }';

export async function render(root) {
  const status = h('div', { id: 'routes-status' });
  const list = h('div', { id: 'routes-list' }, h('p', {}, 'Loading…'));
  const form = routeForm(status, () => load());
  root.append(h('h1', {}, 'Routes'), status, list, h('h2', { id: 'route-form-title' }, 'Create or edit a route'), form.element);

  async function load() {
    try {
      const { routes, llmModels } = await graphql(QUERY);
      form.offer(llmModels.map((m) => `${m.provider}/${m.id}`));
      list.replaceChildren(table('Routes', ['Name', 'Strategy', 'Candidates', 'Weights', 'Cache', 'Defined in', ''],
        routes.map((r) => [r.name, r.strategy, r.candidates.join(' → '), (r.weights || []).join(', '),
          r.cacheTtlSeconds ? `${r.cacheTtlSeconds} s` : 'off', r.source,
          r.source === 'api' ? h('span', { class: 'actions' },
            h('button', { type: 'button', class: 'secondary', 'aria-label': `Edit route ${r.name}`,
              onclick: () => form.edit(r) }, 'Edit'),
            confirmingButton('Remove', `Confirm removing ${r.name}`, async () => {
              try {
                await graphql(REMOVE, { name: r.name });
                status.replaceChildren(notice('ok', `Route ${r.name} removed.`));
              } catch (error) {
                status.replaceChildren(notice('error', error.message));
              }
              await load();
            })) : 'set in configuration'])));
    } catch (error) {
      list.replaceChildren(notice('error', error.message));
    }
  }
  await load();
}

function routeForm(status, reload) {
  const name = h('input', { name: 'name', required: true, autocomplete: 'off', pattern: '\\S+' });
  const strategy = h('select', { name: 'strategy' },
    ['fallback', 'cheapest', 'fastest', 'weighted'].map((s) => h('option', { value: s }, s)));
  const candidates = h('textarea', { name: 'candidates', rows: 4, required: true });
  const weights = h('input', { name: 'weights', autocomplete: 'off', inputmode: 'numeric' });
  const known = h('ul', { class: 'known-models', 'aria-label': 'Models you can use as candidates' });
  const errors = h('div', { id: 'route-errors' });
  const element = h('form', { class: 'stack', 'aria-labelledby': 'route-form-title' },
    field('Name (what callers send as model)', name),
    field('Strategy', strategy),
    field('Candidates, one per line (provider/model or a catalog model id)', candidates),
    field('Weights, comma-separated, one per candidate (weighted routes)', weights, 'Leave empty for equal weights.'),
    errors,
    h('button', { type: 'submit' }, 'Save route'),
    h('details', {}, h('summary', {}, 'Models you can use'), known));
  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = { name: name.value.trim(), strategy: strategy.value,
      candidates: candidates.value.split('\n').map((c) => c.trim()).filter(Boolean) };
    const weightText = weights.value.trim();
    if (weightText) {
      const parsed = weightText.split(',').map((w) => w.trim());
      if (parsed.some((w) => !/^\d+$/.test(w))) {
        errors.replaceChildren(notice('error', 'Weights must be whole numbers separated by commas.'));
        weights.focus();
        return;
      }
      input.weights = parsed.map(Number);
    }
    try {
      const saved = (await graphql(SAVE, { input })).configureRoute;
      errors.replaceChildren();
      status.replaceChildren(notice('ok', `Route ${saved.name} saved (${saved.strategy}: ${saved.candidates.join(' → ')}).`));
      element.reset();
      await reload();
    } catch (error) {
      errors.replaceChildren(notice('error', error.message));
    }
  });
  return {
    element,
    offer: (models) => known.replaceChildren(...models.map((m) => h('li', {}, m))),
    edit: (route) => {
      name.value = route.name;
      strategy.value = route.strategy;
      candidates.value = route.candidates.join('\n');
      weights.value = (route.weights || []).join(', ');
      name.focus();
    },
  };
}
