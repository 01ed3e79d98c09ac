// The console's only way to the gateway: GraphQL and the OpenAI-compatible API, with the key the operator signed
// in with. The key lives in sessionStorage: gone when the tab closes, never in a cookie the browser would send on
// its own, never in localStorage where it would outlive the session.

const KEY_ITEM = 'cbk.console.key';

// Money arrives as exact JSON numbers (0.00006165); JSON.parse would turn them into doubles. These fields keep the
// digits the gateway sent, as text, through the reviver's access to the source text.
const MONEY = new Set(['cost', 'costSaved', 'costSavedUsd', 'inputCost', 'outputCost', 'limitUsd', 'spentUsd',
  'reservedUsd', 'remainingUsd', 'costPerInputToken', 'costPerOutputToken', 'costPerCachedInputToken',
  'costPerCacheWriteInputToken', 'costPerCacheWrite1hInputToken', 'costPerCacheWrite', 'amount', 'pricePerToken']);

export function parseExact(text) {
  return JSON.parse(text, (name, value, context) =>
    MONEY.has(name) && typeof value === 'number' ? (context && context.source) || String(value) : value);
}

export const session = {
  key: () => sessionStorage.getItem(KEY_ITEM),
  signIn: (key) => sessionStorage.setItem(KEY_ITEM, key),
  signOut: () => sessionStorage.removeItem(KEY_ITEM),
};

/** A refusal or failure, with the message the gateway gave (never a stack trace: the gateway sends none). */
export class GatewayError extends Error {
  constructor(message, status, code) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

function authHeaders() {
  const key = session.key();
  return key ? { Authorization: `Bearer ${key}` } : {};
}

export async function graphql(query, variables = {}) {
  const response = await fetch('../graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...authHeaders() },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  if (response.status === 401) {
    // revoked or mistyped: forget it, and let the shell ask for another (app.js listens)
    session.signOut();
    window.dispatchEvent(new CustomEvent('console-key-refused'));
    throw new GatewayError('The gateway does not accept this key.', 401, 'UNAUTHENTICATED');
  }
  let body;
  try {
    body = parseExact(text);
  } catch {
    throw new GatewayError(`The gateway answered ${response.status} without a GraphQL body.`, response.status);
  }
  if (body.errors && body.errors.length) {
    const first = body.errors[0];
    throw new GatewayError(body.errors.map((e) => e.message).join('; '), response.status,
      first.extensions && first.extensions.code);
  }
  return body.data;
}

/**
 * Streams a chat completion through /v1/chat/completions (the same door applications use), calling onText with each
 * piece of the answer as it arrives. Answers the routing headers, the final usage and the first chunk's arrival time.
 */
export async function streamChat(request, onText, signal) {
  const started = performance.now();
  const response = await fetch('../v1/chat/completions', {
    method: 'POST',
    signal,
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream', ...authHeaders() },
    body: JSON.stringify({ ...request, stream: true, stream_options: { include_usage: true } }),
  });
  const headers = response.headers;
  if (!response.ok) {
    const text = await response.text();
    let message = text;
    try {
      message = JSON.parse(text).error.message;
    } catch { /* not OpenAI's error shape: show the text */ }
    throw new GatewayError(message, response.status);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let firstTextAt = null;
  let usage = null;
  let finishReason = null;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      for (const line of event.split('\n')) {
        if (!line.startsWith('data:')) continue;
        const data = line.slice(5).trim();
        if (data === '[DONE]') continue;
        const chunk = JSON.parse(data);
        if (chunk.error) throw new GatewayError(chunk.error.message, response.status);
        if (chunk.usage) usage = chunk.usage;
        for (const choice of chunk.choices || []) {
          const text = choice.delta && choice.delta.content;
          if (text) {
            if (firstTextAt === null) firstTextAt = performance.now();
            onText(text);
          }
          if (choice.finish_reason) finishReason = choice.finish_reason;
        }
      }
    }
  }
  return {
    requestId: headers.get('x-request-id'),
    provider: headers.get('x-llm-provider'),
    model: headers.get('x-llm-model'),
    route: headers.get('x-llm-route'),
    attempts: headers.get('x-llm-attempts'),
    timeToFirstTokenMs: firstTextAt === null ? null : Math.round(firstTextAt - started),
    totalMs: Math.round(performance.now() - started),
    usage,
    finishReason,
  };
}
