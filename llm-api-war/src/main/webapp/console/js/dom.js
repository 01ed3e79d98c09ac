// Small DOM helpers. Everything the gateway sends is put on the page as text (textContent), never parsed as HTML:
// a model id or a key name cannot inject markup.

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A table with a caption; rows are arrays of cells (text or nodes). numeric names the right-aligned columns. */
export function table(caption, columns, rows, numeric = []) {
  const right = (index) => (numeric.includes(index) ? 'num' : null);
  return h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': caption },
    h('table', {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, columns.map((c, i) => h('th', { scope: 'col', class: right(i) }, c)))),
      h('tbody', {}, rows.length === 0
        ? h('tr', {}, h('td', { colspan: columns.length, class: 'empty' }, 'Nothing yet.'))
        : rows.map((row) => h('tr', {}, row.map((cell, i) => h('td', { class: right(i) }, cell)))))));
}

/** A status line for errors and confirmations, read out by screen readers. */
export function notice(kind, text) {
  return h('p', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

export function field(label, input, hint) {
  const id = input.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  input.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, hint ? h('small', {}, hint) : null);
}

/** US dollars as the gateway sent them (exact text), with a $ sign; '—' when there is no amount. */
export function usd(amount) {
  return amount === null || amount === undefined ? '—' : `$${amount}`;
}

/** An ISO-8601 instant as 2026-12-06 02:55:42 UTC; '—' when there is none. */
export function when(iso) {
  return iso ? `${iso.slice(0, 19).replace('T', ' ')} UTC` : '—';
}

export function count(value) {
  return value === null || value === undefined ? '—' : Number(value).toLocaleString('en-US');
}

export function ms(value) {
  return value === null || value === undefined ? '—' : `${Number(value).toLocaleString('en-US')} ms`;
}

/** Adds exact decimal amounts given as text, without going through doubles (for totals of exact costs). */
export function addDecimals(a, b) {
  const [ai, af = ''] = String(a).split('.');
  const [bi, bf = ''] = String(b).split('.');
  const scale = Math.max(af.length, bf.length);
  const sum = BigInt(ai + af.padEnd(scale, '0')) + BigInt(bi + bf.padEnd(scale, '0'));
  const digits = (sum < 0n ? -sum : sum).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return `${sum < 0n ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Offers rows as a CSV file: the values exactly as shown in the table (exact costs, ISO times). */
export function downloadCsv(fileName, columns, rows) {
  const quote = (value) => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const csv = [columns, ...rows].map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
  const link = h('a', { href: URL.createObjectURL(new Blob([csv], { type: 'text/csv' })), download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** Moves the decimal point of an exact decimal text: shiftDecimal('0.0000025', 6) is '2.5'. No doubles involved. */
export function shiftDecimal(text, places) {
  if (text === null || text === undefined) return null;
  const [whole, fraction = ''] = String(text).split('.');
  let digits = whole.replace(/^0+/, '') + fraction;
  let point = whole.replace(/^0+/, '').length + places;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  digits = digits.padEnd(point, '0');
  const integer = digits.slice(0, point).replace(/^0+/, '') || '0';
  const decimals = digits.slice(point).replace(/0+$/, '');
  return decimals ? `${integer}.${decimals}` : integer;
}

/** A button that asks once more before it acts: the first press arms it, the second (within 5 s) confirms. */
export function confirmingButton(label, confirmLabel, action) {
  const button = h('button', { type: 'button', class: 'danger' }, label);
  let armed = null;
  button.addEventListener('click', async () => {
    if (!armed) {
      button.textContent = confirmLabel;
      armed = setTimeout(() => { armed = null; button.textContent = label; }, 5000);
      return;
    }
    clearTimeout(armed);
    armed = null;
    button.disabled = true;
    await action();
  });
  return button;
}
