/** Test support shared by the adapter tests: recorded fixtures, runs bounded in time and the secret-leak guard. */
package io.circuitbreaker.llm.testing;
