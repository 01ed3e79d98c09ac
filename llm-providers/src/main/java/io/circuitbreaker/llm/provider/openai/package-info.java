/**
 * The adapter for the OpenAI Chat Completions protocol ({@code POST {base}/chat/completions}, health by
 * {@code GET {base}/models}), as two beans over one implementation: {@link
 * io.circuitbreaker.llm.provider.openai.OpenAiProvider} for OpenAI itself and {@link
 * io.circuitbreaker.llm.provider.openai.OpenAiCompatibleProvider} for the many servers that copy the protocol
 * (Ollama, vLLM, Groq, Mistral, DeepSeek, Together, OpenRouter). The wire records ({@code OpenAi*} DTOs) never leave
 * this package; {@link io.circuitbreaker.llm.provider.openai.OpenAiMapper} is the only translation to and from the
 * gateway's model.
 *
 * <h2>Wire choices</h2>
 * <ul>
 *   <li>The base URL includes the API version ({@code https://api.openai.com/v1}).</li>
 *   <li>{@code max_completion_tokens} replaces {@code max_tokens} for reasoning models (ids starting with {@code o1},
 *       {@code o3}, {@code o4}, {@code gpt-5}), which reject the older name.</li>
 *   <li>Streams always ask for {@code stream_options.include_usage}, so the usage is reported, never estimated.</li>
 *   <li>Reasoning text that compatible servers send ({@code reasoning_content}, {@code reasoning}) is kept apart from
 *       the answer text.</li>
 *   <li>Reasoning is asked for with {@code reasoning_effort} (an Anthropic-style budget becomes an effort by the table
 *       in {@link io.circuitbreaker.llm.model.ReasoningConfig}); reasoning blocks of earlier turns are not sent
 *       back.</li>
 *   <li>{@code top_k} goes to compatible servers, which take it as an extension; OpenAI itself has none, so for it
 *       the request is refused naming {@code top_k}.</li>
 *   <li>A body sent to the gateway's own {@code /v1/chat/completions} is forwarded as it came, with only the model and
 *       stream options replaced ({@link io.circuitbreaker.llm.provider.openai.OpenAiNativeBody}); answers keep
 *       {@code system_fingerprint}, {@code service_tier}, {@code logprobs} and {@code annotations}.</li>
 *   <li>Parameters of another protocol that a front door could not translate are refused by name, never dropped.</li>
 *   <li>Authentication is {@code Authorization: Bearer <key>}, sent only when a key is given.</li>
 * </ul>
 *
 * <h2>Azure OpenAI</h2>
 * A base URL containing {@code openai.azure.com} is an Azure deployment, e.g.
 * {@code https://<resource>.openai.azure.com/openai/deployments/<deployment>?api-version=2024-10-21}. For it the key
 * goes in an {@code api-key} header instead of {@code Authorization}, and the base URL's query string stays on every
 * request after the path ({@code .../deployments/<deployment>/chat/completions?api-version=...}). The health probe
 * lists the resource's models ({@code .../openai/models?api-version=...}), since a deployment has no models list.
 * Azure's newer {@code .../openai/v1} base URLs work the same way, without a query string.
 */
package io.circuitbreaker.llm.provider.openai;
