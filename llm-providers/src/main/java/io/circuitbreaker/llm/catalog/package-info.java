/**
 * The model catalog: providers, their models, context limits and exact per-token prices.
 * The default catalog (the design document's eight models) ships as a JSON resource read by {@link
 * io.circuitbreaker.llm.catalog.CatalogReader}.
 */
package io.circuitbreaker.llm.catalog;
