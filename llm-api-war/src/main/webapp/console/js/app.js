// The console shell: sign-in with a gateway key, the page menu, and a hash router (#/usage, #/providers, ...).
// Admin pages are left out of the menu for a client key and refused if opened directly; the gateway refuses their
// queries for a client key anyway, so hiding them is for clarity, not the protection.
import { graphql, session } from './api.js';
import { h, notice } from './dom.js';
import * as usage from './pages/usage.js';
import * as providers from './pages/providers.js';
import * as routes from './pages/routes.js';
import * as keys from './pages/keys.js';
import * as playground from './pages/playground.js';
import * as requests from './pages/requests.js';

const PAGES = {
  usage: { module: usage, title: 'Usage', admin: false },
  providers: { module: providers, title: 'Providers', admin: true },
  routes: { module: routes, title: 'Routes', admin: true },
  keys: { module: keys, title: 'Keys', admin: true },
  playground: { module: playground, title: 'Playground', admin: false },
  requests: { module: requests, title: 'Requests', admin: false },
};

const nav = document.getElementById('nav');
const page = document.getElementById('page');
const signIn = document.getElementById('sign-in');
const who = document.getElementById('who');
const signOut = document.getElementById('sign-out');
let caller = null;

async function identify() {
  try {
    caller = (await graphql('{ myApiKey { id name role } }')).myApiKey;
  } catch (error) {
    session.signOut();
    caller = null;
    return error;
  }
  return null;
}

function showSignIn(message) {
  nav.hidden = true;
  signOut.hidden = true;
  who.textContent = '';
  page.replaceChildren();
  signIn.hidden = false;
  document.getElementById('sign-in-error').replaceChildren(message ? notice('error', message) : '');
  document.getElementById('key').focus();
}

function menu() {
  nav.replaceChildren(...Object.entries(PAGES).filter(([, p]) => !p.admin || caller.role === 'admin')
    .map(([name, p]) => h('a', { href: `#/${name}`, 'data-page': name }, p.title)),
  h('a', { href: '../graphql-ui/' }, 'GraphQL'));
  nav.hidden = false;
  signOut.hidden = false;
  who.textContent = `${caller.name} (${caller.role})`;
  who.title = who.textContent;
}

async function route() {
  if (!session.key()) return showSignIn();
  if (!caller) {
    const problem = await identify();
    if (problem) return showSignIn(problem.message);
    menu();
  }
  signIn.hidden = true;
  const name = (location.hash.match(/^#\/(\w+)/) || [])[1] || 'usage';
  const target = PAGES[name];
  for (const link of nav.querySelectorAll('a[data-page]')) {
    if (link.dataset.page === name) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
  page.replaceChildren();
  if (!target) {
    page.append(h('h1', {}, 'Not found'), h('p', {}, 'There is no such page.'));
  } else if (target.admin && caller.role !== 'admin') {
    page.append(h('h1', {}, target.title), notice('error',
      `The ${target.title} page needs an admin key; you signed in with a client key.`));
  } else {
    document.title = `${target.title} · LLM Gateway console`;
    await target.module.render(page);
  }
  document.getElementById('main').focus({ preventScroll: true });
}

document.getElementById('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = document.getElementById('key');
  const key = input.value.trim();
  if (!key) return showSignIn('Enter a gateway key.');
  session.signIn(key);
  input.value = '';
  caller = null;
  await route();
});
signOut.addEventListener('click', () => {
  session.signOut();
  caller = null;
  location.hash = '';
  showSignIn();
});
window.addEventListener('hashchange', route);
window.addEventListener('console-key-refused', () => {
  if (!caller) return; // signing in: identify() shows the message itself
  caller = null;
  showSignIn('The gateway no longer accepts this key (revoked?). Sign in again.');
});
route();
