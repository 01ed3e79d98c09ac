/**
 * Input limits shared by the gateway's HTTP APIs: how large a request body may be and how much a single request may
 * ask for, read once from MicroProfile Config ({@code llm.limits.*}), and the bounded body read that enforces the size
 * without holding an oversized body in memory.
 */
package io.circuitbreaker.llm.api.limits;
