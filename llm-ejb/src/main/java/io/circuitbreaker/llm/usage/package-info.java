/**
 * Usage records: one per routed request, written in batches off the request path and read back for analytics.
 */
package io.circuitbreaker.llm.usage;
