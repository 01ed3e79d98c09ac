// Gateway keys: create one (its secret is shown this once), list them with their limits and budget use, revoke.
import { graphql } from '../api.js';
import { confirmingButton, field, h, notice, table, usd } from '../dom.js';

const KEY_FIELDS = `id name role prefix createdAt revokedAt active requestsPerMinute tokensPerMinute cacheTtlSeconds
  budget { limitUsd period spentUsd reservedUsd remainingUsd resetsAt }`;
const LIST = `{ apiKeys { ${KEY_FIELDS} } }`;
const REVOKE = 'mutation Revoke($id: String!) { revokeApiKey(id: $id) }';
const DECIMAL = /^\d{1,9}(\.\d{1,6})?$/;

export async function render(root) {
  const status = h('div', { id: 'keys-status' });
  const list = h('div', { id: 'keys-list' }, h('p', {}, 'Loading…'));
  root.append(h('h1', {}, 'Gateway keys'), status, list,
    h('h2', { id: 'key-form-title' }, 'Create a key'), createForm(status, () => load()));

  async function load() {
    try {
      const { apiKeys } = await graphql(LIST);
      list.replaceChildren(table('Gateway keys', ['Name', 'Id', 'Role', 'Prefix', 'Created', 'Status', 'Limits',
        'Budget', ''], apiKeys.map((k) => [k.name, k.id, k.role, k.prefix, k.createdAt.slice(0, 19).replace('T', ' '),
        k.active ? 'active' : `revoked ${(k.revokedAt || '').slice(0, 19).replace('T', ' ')}`, limits(k), budget(k.budget),
        k.active ? confirmingButton('Revoke', `Confirm revoking ${k.name}`, async () => {
          try {
            await graphql(REVOKE, { id: k.id });
            status.replaceChildren(notice('ok', `Key ${k.name} revoked: it is refused from now on.`));
          } catch (error) {
            status.replaceChildren(notice('error', error.message));
          }
          await load();
        }) : ''])));
    } catch (error) {
      list.replaceChildren(notice('error', error.message));
    }
  }
  await load();
}

function limits(key) {
  const parts = [];
  if (key.requestsPerMinute) parts.push(`${key.requestsPerMinute} requests/min`);
  if (key.tokensPerMinute) parts.push(`${key.tokensPerMinute} tokens/min`);
  if (key.cacheTtlSeconds) parts.push(`cache ${key.cacheTtlSeconds} s`);
  return parts.join(', ') || 'none';
}

function budget(b) {
  if (!b) return 'none';
  return `${usd(b.spentUsd)} of ${usd(b.limitUsd)} per ${b.period.toLowerCase()} (${usd(b.reservedUsd)} in flight)`;
}

function createForm(status, reload) {
  const name = h('input', { name: 'name', required: true, autocomplete: 'off' });
  const role = h('select', { name: 'role' }, h('option', { value: 'client' }, 'client'),
    h('option', { value: 'admin' }, 'admin'));
  const rpm = h('input', { name: 'rpm', type: 'number', min: 1, step: 1 });
  const tpm = h('input', { name: 'tpm', type: 'number', min: 1, step: 1 });
  const limit = h('input', { name: 'budget', inputmode: 'decimal', autocomplete: 'off' });
  const period = h('select', { name: 'period' }, h('option', { value: 'MONTH' }, 'per month'),
    h('option', { value: 'DAY' }, 'per day'));
  const errors = h('div', {});
  const secret = h('div', { id: 'new-key' });
  const form = h('form', { class: 'stack', 'aria-labelledby': 'key-form-title' },
    field('Name', name), field('Role', role),
    field('Requests per minute', rpm, 'Empty: no limit.'), field('Tokens per minute', tpm, 'Empty: no limit.'),
    field('Budget in US dollars', limit, 'Empty: no budget.'), field('Budget period', period),
    errors, h('button', { type: 'submit' }, 'Create key'), secret);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const budgetText = limit.value.trim();
    if (budgetText && !DECIMAL.test(budgetText)) {
      errors.replaceChildren(notice('error', 'The budget must be a plain amount such as 25.00.'));
      limit.focus();
      return;
    }
    const rateLimit = rpm.value || tpm.value ? `rateLimit: {${rpm.value ? `requestsPerMinute: ${Number(rpm.value)}` : ''}`
      + ` ${tpm.value ? `tokensPerMinute: ${Number(tpm.value)}` : ''}}` : '';
    // the amount is a literal so it reaches the gateway as the exact decimal typed (checked above)
    const budgetArg = budgetText ? `budget: {limitUsd: ${budgetText}, period: "${period.value}"}` : '';
    const mutation = `mutation Create($name: String!, $role: String) { createApiKey(name: $name, role: $role
      ${rateLimit} ${budgetArg}) { secret apiKey { id name } } }`;
    try {
      const created = (await graphql(mutation, { name: name.value.trim(), role: role.value })).createApiKey;
      errors.replaceChildren();
      secret.replaceChildren(h('div', { class: 'secret', role: 'status' },
        h('p', {}, `Key ${created.apiKey.name} created. Copy its secret now: the gateway keeps only its hash and `
          + 'will never show it again.'),
        h('code', { id: 'new-key-secret' }, created.secret), ' ',
        h('button', { type: 'button', class: 'secondary',
          onclick: () => navigator.clipboard && navigator.clipboard.writeText(created.secret) }, 'Copy')));
      form.reset();
      await reload();
    } catch (error) {
      errors.replaceChildren(notice('error', error.message));
    }
  });
  return form;
}
