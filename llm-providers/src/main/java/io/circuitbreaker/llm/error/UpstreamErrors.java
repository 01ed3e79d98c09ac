package io.circuitbreaker.llm.error;

import io.circuitbreaker.llm.spi.ProviderType;
import java.time.Duration;
import java.util.Optional;

/**
 * Maps an upstream HTTP error to the typed hierarchy, given what the adapter read from the provider's error body.
 * The status decides the kind; the adapter's hints refine it where statuses are ambiguous (a 400 that is really a
 * context-length error, an {@code overloaded_error}, a 429 that is really a quota problem).
 */
public final class UpstreamErrors {

    /** The provider code (OpenAI's, copied by compatible servers) of a 429 that waiting does not cure. */
    public static final String INSUFFICIENT_QUOTA = "insufficient_quota";

    private UpstreamErrors() {
    }

    /**
     * What the adapter understood from the error body.
     *
     * @param providerCode      the provider's error type/code, e.g. {@code rate_limit_error}
     * @param message           the provider's message (will be redacted)
     * @param contextLength     whether the body says the context window was exceeded
     * @param contentFiltered   whether the body says a safety filter blocked the request
     * @param overloaded        whether the body says the provider is overloaded
     */
    public record Hints(String providerCode, String message, boolean contextLength, boolean contentFiltered,
            boolean overloaded) {

        public static Hints of(String providerCode, String message) {
            return new Hints(providerCode, message, false, false, false);
        }
    }

    public static LlmProviderException fromStatus(ProviderType provider, int status, Hints hints,
            Optional<Duration> retryAfter) {
        String code = hints.providerCode();
        String message = describe(provider, status, hints.message());
        if (hints.contextLength()) {
            return new ContextLengthExceededException(provider, status, code, message);
        }
        if (hints.contentFiltered()) {
            return new ContentFilteredException(provider, status, code, message);
        }
        if (hints.overloaded() || status == 529) {
            return new ProviderUnavailableException(provider, status, code, message, true, retryAfter.orElse(null));
        }
        return switch (status) {
            case 400, 413, 422 -> new InvalidRequestException(provider, status, code, message);
            case 401, 403 -> new AuthenticationException(provider, status, code, message);
            case 404 -> new ModelNotFoundException(provider, status, code, message);
            case 408 -> new ProviderTimeoutException(provider, status, code, message);
            // OpenAI's code for an account without quota or credit: no retry-after makes it succeed
            case 429 -> INSUFFICIENT_QUOTA.equals(code)
                    ? new QuotaExhaustedException(provider, status, code, message)
                    : new RateLimitedException(provider, status, code, message, retryAfter.orElse(null));
            default -> status >= 500
                    ? new ProviderUnavailableException(provider, status, code, message, false,
                            retryAfter.orElse(null))
                    : new UpstreamErrorException(provider, status, code, message);
        };
    }

    private static String describe(ProviderType provider, int status, String upstreamMessage) {
        String text = upstreamMessage == null || upstreamMessage.isBlank() ? "no error message" : upstreamMessage;
        return provider.wireName() + " answered HTTP " + status + ": " + text;
    }
}
