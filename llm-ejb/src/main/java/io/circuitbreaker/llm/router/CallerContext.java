package io.circuitbreaker.llm.router;

/**
 * Who is calling, for usage records and budgets.
 *
 * @param requestId   the gateway's id for this request (also sent back to the caller)
 * @param callerKeyId the id of the gateway key that authenticated the caller, or {@code null}
 */
public record CallerContext(String requestId, String callerKeyId) {

    public static CallerContext anonymous() {
        return new CallerContext(java.util.UUID.randomUUID().toString(), null);
    }
}
