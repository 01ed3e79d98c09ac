package io.circuitbreaker.llm.observability;

import io.circuitbreaker.llm.catalog.Cost;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.Choice;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.routing.Attempt;
import io.circuitbreaker.llm.routing.RoutedResponse;
import io.circuitbreaker.llm.failure.GatewayError;
import io.circuitbreaker.llm.failure.GatewayException;
import io.circuitbreaker.llm.routing.StreamSummary;
import io.circuitbreaker.llm.routing.Deployment;
import io.circuitbreaker.llm.routing.Resolution;
import io.circuitbreaker.llm.spi.ProviderType;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One span per gateway request and one child span per upstream attempt, with the OpenTelemetry GenAI semantic
 * conventions ({@code gen_ai.*}) and the gateway's own attributes ({@code llm.*}: route, attempt, fallback reason,
 * cost). Spans are written when the request ends, with the real start and end times, because the attempts run on the
 * HTTP client's threads where the request's context is not current. Prompts and answers are never recorded.
 *
 * <p>Exporting is off unless the operator turns OpenTelemetry on ({@code OTEL_SDK_DISABLED=false} and the usual
 * {@code OTEL_*} variables); the tracer is then a no-op and this class costs a few object allocations per request.
 */
@ApplicationScoped
public class GatewayTracing {

    @Inject
    Tracer tracer;

    /** The finished (or failed) complete answer of a request that began at {@code start}. */
    public void completion(Context parent, Instant start, Resolution resolution, ChatRequest request,
            RoutedResponse routed, GatewayException failure) {
        if (routed != null) {
            List<String> finishReasons = routed.response().choices().stream().map(Choice::finishReason)
                    .filter(java.util.Objects::nonNull).map(f -> f.kind().name().toLowerCase(Locale.ROOT)).toList();
            write(parent, start, resolution, request, routed.deployment(), routed.response().model(),
                    routed.response().usage(), routed.cost(), finishReasons, routed.attempts(), null);
            return;
        }
        // spans name every "nothing could be called" case alike, as before the error type was closed
        String errorType = switch (failure.error()) {
            case NO_UPSTREAM, NO_CAPABLE_MODEL, ALL_BREAKERS_OPEN -> "NO_UPSTREAM";
            case INVALID_REQUEST, KEY_REJECTED, RATE_LIMITED, BUDGET_EXCEEDED, SHARED_STATE_UNAVAILABLE, UNKNOWN_MODEL,
                    UPSTREAM, OTHER ->
                    failure.errorType();
        };
        write(parent, start, resolution, request, null, null, null, Optional.empty(), List.of(), failure.attempts(),
                errorType);
    }

    /** A finished, failed or cancelled stream. */
    public void stream(Context parent, Instant start, Resolution resolution, ChatRequest request,
            StreamSummary summary) {
        String errorType = summary.cancelled() ? "CANCELLED"
                : summary.error().map(e -> e.kind().name()).orElse(null);
        write(parent, start, resolution, request, summary.deployment(), null, summary.usage(), summary.cost(),
                List.of(), summary.attempts(), errorType);
    }

    private void write(Context parent, Instant start, Resolution resolution, ChatRequest request,
            Deployment served, String responseModel, Usage usage, Optional<Cost> cost, List<String> finishReasons,
            List<Attempt> attempts, String errorType) {
        SpanBuilder builder = tracer.spanBuilder("chat " + resolution.requested()).setParent(parent)
                .setSpanKind(SpanKind.INTERNAL).setStartTimestamp(start)
                .setAttribute("gen_ai.operation.name", "chat")
                .setAttribute("gen_ai.request.model", resolution.requested())
                .setAttribute("llm.attempts", (long) attempts.size());
        if (request.maxTokens() != null) {
            builder.setAttribute("gen_ai.request.max_tokens", (long) request.maxTokens());
        }
        if (request.temperature() != null) {
            builder.setAttribute("gen_ai.request.temperature", request.temperature());
        }
        if (resolution.route() != null) {
            builder.setAttribute("llm.route", resolution.route());
        }
        Span span = builder.startSpan();
        if (served != null) {
            span.setAttribute("gen_ai.system", system(served.type()));
            span.setAttribute("llm.provider", served.providerId());
            span.setAttribute("gen_ai.response.model",
                    responseModel == null || responseModel.isBlank() ? served.model().id() : responseModel);
        }
        if (usage != null) {
            span.setAttribute("gen_ai.usage.input_tokens", (long) usage.inputTokens());
            span.setAttribute("gen_ai.usage.output_tokens", (long) usage.outputTokens());
        }
        if (!finishReasons.isEmpty()) {
            span.setAttribute(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"), finishReasons);
        }
        cost.ifPresent(c -> span.setAttribute("llm.cost_usd", c.total().toPlainString()));
        Context requestContext = parent.with(span);
        Instant end = start;
        String previousDeployment = null;
        String previousError = null;
        for (Attempt attempt : attempts) {
            attemptSpan(requestContext, attempt, previousDeployment, previousError);
            Instant attemptEnd = attempt.startedAt().plusMillis(attempt.latencyMs());
            end = attemptEnd.isAfter(end) ? attemptEnd : end;
            previousDeployment = attempt.deployment();
            previousError = attempt.outcome() == Attempt.Outcome.SUCCEEDED ? null
                    : attempt.errorKind() != null ? attempt.errorKind().name() : attempt.outcome().name();
        }
        if (errorType != null) {
            span.setAttribute("error.type", errorType);
            span.setStatus(StatusCode.ERROR);
        }
        Instant now = Instant.now();
        span.end(now.isAfter(end) ? now : end);
    }

    private void attemptSpan(Context parent, Attempt attempt, String previousDeployment, String previousError) {
        String model = attempt.deployment().substring(attempt.deployment().indexOf('/') + 1);
        Span span = tracer.spanBuilder("chat " + model).setParent(parent).setSpanKind(SpanKind.CLIENT)
                .setStartTimestamp(attempt.startedAt())
                .setAttribute("gen_ai.operation.name", "chat")
                .setAttribute("gen_ai.request.model", model)
                .setAttribute("llm.deployment", attempt.deployment())
                .setAttribute("llm.attempt", (long) attempt.number())
                .setAttribute("llm.attempt.outcome", attempt.outcome().name())
                .startSpan();
        if (previousDeployment != null && !previousDeployment.equals(attempt.deployment()) && previousError != null) {
            span.setAttribute("llm.fallback_reason", previousError);
        }
        if (attempt.outcome() == Attempt.Outcome.FAILED) {
            span.setAttribute("error.type", attempt.errorKind() == null ? "OTHER" : attempt.errorKind().name());
            if (attempt.httpStatus() > 0) {
                span.setAttribute("http.response.status_code", (long) attempt.httpStatus());
            }
            span.setStatus(StatusCode.ERROR);
        }
        span.end(attempt.startedAt().plusMillis(attempt.latencyMs()));
    }

    static String system(ProviderType type) {
        return switch (type) {
            case OPENAI -> "openai";
            case ANTHROPIC -> "anthropic";
            case GOOGLE -> "gcp.gemini";
            case OPENAI_COMPATIBLE -> "openai_compatible";
        };
    }
}
