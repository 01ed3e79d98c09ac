package io.circuitbreaker.llm.registry.importing;

import io.circuitbreaker.llm.catalog.ModelDefinition;

/**
 * A model offered to one configured provider by an import.
 *
 * @param providerId the provider it is for
 * @param entry      where it came from (the price map's key), for the diff
 * @param model      the model as the import describes it
 */
public record IncomingModel(String providerId, String entry, ModelDefinition model) {
}
