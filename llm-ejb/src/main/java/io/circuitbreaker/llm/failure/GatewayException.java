package io.circuitbreaker.llm.failure;

import io.circuitbreaker.llm.error.ErrorKind;
import io.circuitbreaker.llm.error.LlmProviderException;
import jakarta.ejb.ApplicationException;
import io.circuitbreaker.llm.routing.Attempt;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A chat request that did not get an answer, for any reason: the closed type every front door maps. Subclasses add
 * what their case knows (a rate limit's snapshot, a budget's status, the attempts routing made); the switch is on
 * {@link #error()}.
 */
// an application exception, so callers of the EJBs get it as thrown, not wrapped in an EJBException
@ApplicationException
public class GatewayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final GatewayError error;
    private final transient LlmProviderException upstream;
    private final Duration retryAfter;
    private final transient List<Attempt> attempts;

    public GatewayException(GatewayError error, String message) {
        this(error, message, (LlmProviderException) null);
    }

    public GatewayException(GatewayError error, String message, LlmProviderException upstream) {
        this(error, message, upstream, null, List.of());
    }

    /** A refusal of the gateway's own with advice on when to try again. */
    public GatewayException(GatewayError error, String message, Duration retryAfter) {
        this(error, message, null, retryAfter, List.of());
    }

    /**
     * @param retryAfter the gateway's own advice to wait (its rate limits); else the upstream's is used
     * @param attempts   the upstream attempts routing made before it gave up
     */
    protected GatewayException(GatewayError error, String message, LlmProviderException upstream,
            Duration retryAfter, List<Attempt> attempts) {
        // no stack trace: these are answers, not defects, and some are frequent (rate limits)
        super(message, upstream, false, false);
        this.error = Objects.requireNonNull(error, "error");
        this.upstream = upstream;
        this.retryAfter = retryAfter;
        this.attempts = List.copyOf(attempts);
    }

    /** A defect, kept as the cause for the log; its message is not for callers. */
    private GatewayException(Throwable defect) {
        super("the request failed inside the gateway; see the server log", defect, false, true);
        this.error = GatewayError.OTHER;
        this.upstream = null;
        this.retryAfter = null;
        this.attempts = List.of();
    }

    public GatewayError error() {
        return error;
    }

    /** The deciding upstream error, when a provider was called and failed. */
    public Optional<LlmProviderException> upstreamError() {
        return Optional.ofNullable(upstream);
    }

    /** How the provider failed; empty unless {@link #error()} is {@link GatewayError#UPSTREAM}. */
    public Optional<ErrorKind> upstreamKind() {
        return upstreamError().map(LlmProviderException::kind);
    }

    /** The upstream attempts made before the request failed (empty when none was made). */
    public List<Attempt> attempts() {
        return attempts;
    }

    /**
     * A short name for records and spans: the upstream's error kind, or what the gateway decided
     * ({@code NO_CANDIDATE}, {@code NO_KEY}, ...), or the defect's class.
     */
    public String errorType() {
        return switch (error) {
            case UPSTREAM -> upstreamKind().map(Enum::name).orElse("OTHER");
            case NO_CAPABLE_MODEL, ALL_BREAKERS_OPEN -> "NO_CANDIDATE";
            case NO_UPSTREAM -> "NO_KEY";
            case OTHER -> getCause() == null ? "OTHER" : getCause().getClass().getSimpleName();
            case INVALID_REQUEST, KEY_REJECTED, RATE_LIMITED, BUDGET_EXCEEDED, SHARED_STATE_UNAVAILABLE, UNKNOWN_MODEL ->
                    error.name();
        };
    }

    /** How long the caller should wait before trying again, when someone said. */
    public Optional<Duration> retryAfter() {
        return retryAfter != null ? Optional.of(retryAfter) : upstreamError().flatMap(LlmProviderException::retryAfter);
    }

    /**
     * Any failure as this closed type: itself, an upstream error that reached the caller directly, or a defect
     * ({@link GatewayError#OTHER}) with the original kept as the cause. Unwraps asynchronous wrappers first.
     */
    public static GatewayException of(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof GatewayException gateway) {
            return gateway;
        }
        if (cause instanceof LlmProviderException upstream) {
            return new GatewayException(GatewayError.UPSTREAM, upstream.getMessage(), upstream);
        }
        return new GatewayException(cause);
    }
}
