/** Cost views over the catalog for the API: comparisons across models for a request size. */
package io.circuitbreaker.llm.cost;
