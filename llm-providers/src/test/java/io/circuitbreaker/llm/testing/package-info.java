/** Test support shared by the adapter tests: recorded fixtures and the secret-leak guard. */
package io.circuitbreaker.llm.testing;
