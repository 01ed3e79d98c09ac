/**
 * The integration tests' Payara Server: an Arquillian container that makes a fresh domain with the same script as
 * {@code mvn -Ppayara} and deploys each test class's EAR with {@code asadmin}, and the Payara-only tests.
 */
package io.circuitbreaker.llm.payara;
