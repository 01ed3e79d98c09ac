/** MicroProfile Health checks of the gateway itself: live, started (catalog loaded) and ready (database). */
package io.circuitbreaker.llm.api.health;
