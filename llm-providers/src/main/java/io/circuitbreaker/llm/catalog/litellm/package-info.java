/**
 * Reads LiteLLM's community price map ({@code model_prices_and_context_window.json} from BerriAI/litellm) into
 * catalog {@link io.circuitbreaker.llm.catalog.ModelDefinition}s, so an operator can refresh the gateway's list prices
 * and context limits from a file the community keeps current instead of editing the catalog by hand.
 *
 * <p>{@link io.circuitbreaker.llm.catalog.litellm.LiteLlmPriceMapReader} is a pure parser: it takes the document and
 * the day of the import and returns the usable chat and embedding entries plus, with a reason, every entry it set
 * aside. Deciding which configured provider an entry updates is the registry's business, not this package's.
 */
package io.circuitbreaker.llm.catalog.litellm;
