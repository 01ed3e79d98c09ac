/**
 * Servlet I/O the front doors share: writing a response body without blocking the thread that produced it.
 */
package io.circuitbreaker.llm.api.io;
