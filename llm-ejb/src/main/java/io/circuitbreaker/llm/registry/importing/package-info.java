/**
 * Bringing prices and models from outside into the registry: LiteLLM's community price map (from a file named by
 * {@code llm.catalog.import} or the admin {@code importCatalog} mutation) and a newer shipped catalog over an older
 * database. Pure merging with a diff ({@link io.circuitbreaker.llm.registry.importing.CatalogMerge}); operator-set
 * prices survive unless the caller asks otherwise.
 */
package io.circuitbreaker.llm.registry.importing;
