/**
 * The {@code llm-providers} health group at {@code /health/group/llm-providers}: one MicroProfile Health check per
 * configured provider ({@code llm-provider-<id>}), read from the monitor's cache and built per request, so providers
 * configured or removed at run time show up or vanish without a restart.
 *
 * <p>Why a web module of its own (built from this source tree as the {@code health-group} WAR, see the module's
 * pom): Liberty's mpHealth-4.0 owns the context root {@code /health} and serves only
 * {@code live}, {@code ready} and {@code started} (MicroProfile Health 4.0 defines no groups; {@code @HealthGroup} is
 * a SmallRye extension Liberty does not have). This module sits at the longer context root {@code /health/group},
 * which Liberty routes here, and answers in MicroProfile Health's wire format. Its checks carry no
 * {@code @Liveness}/{@code @Readiness}/{@code @Startup} qualifier, so Liberty never adds them to {@code /health/ready}.
 */
package io.circuitbreaker.llm.api.healthgroup;
