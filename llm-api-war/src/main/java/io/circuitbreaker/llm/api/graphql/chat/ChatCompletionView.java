package io.circuitbreaker.llm.api.graphql.chat;

import io.circuitbreaker.llm.api.graphql.view.CostLineView;
import io.circuitbreaker.llm.cache.CacheOutcome;
import io.circuitbreaker.llm.catalog.Cost;
import io.circuitbreaker.llm.model.Choice;
import io.circuitbreaker.llm.model.ToolCall;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.routing.Attempt;
import io.circuitbreaker.llm.routing.RoutedResponse;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A routed answer as GraphQL shows it. */
@Type("ChatCompletionResult")
@Description("A complete answer and how the gateway obtained it.")
public class ChatCompletionView {

    private final RoutedResponse routed;
    private final String requestId;

    /** The header value, kept as text: SmallRye GraphQL maps every field's type, and an enum here is not in Jandex. */
    private final String cache;

    public ChatCompletionView(RoutedResponse routed, String requestId) {
        this(routed, requestId, CacheOutcome.OFF);
    }

    public ChatCompletionView(RoutedResponse routed, String requestId, CacheOutcome cache) {
        this.routed = routed;
        this.requestId = requestId;
        this.cache = cache == null ? null : cache.headerValue();
    }

    @NonNull
    @Description("The gateway's id for this request, as in recentRequests.")
    public String getRequestId() {
        return requestId;
    }

    @Description("The provider's id for the answer.")
    public String getId() {
        return routed.response().id();
    }

    @Description("The answer text; null when the model only called tools.")
    public String getContent() {
        String text = first() == null ? null : first().text();
        return text == null || text.isEmpty() ? null : text;
    }

    @NonNull
    @Description("Tool calls the model asks for, with complete JSON arguments.")
    public List<@NonNull ToolCallView> getToolCalls() {
        List<ToolCall> calls = first() == null ? List.of() : first().toolCalls();
        return calls.stream().map(ToolCallView::new).toList();
    }

    @Description("STOP, LENGTH, TOOL_CALLS, CONTENT_FILTER, ERROR or OTHER.")
    public String getFinishReason() {
        return first() == null || first().finishReason() == null ? null : first().finishReason().kind().name();
    }

    @Description("The provider's own finish reason, e.g. end_turn.")
    public String getRawFinishReason() {
        return first() == null || first().finishReason() == null ? null : first().finishReason().raw();
    }

    @Description("Tokens as the provider reported them.")
    public TokenUsageView getUsage() {
        Usage usage = routed.response().usage();
        return usage == null ? null : new TokenUsageView(usage);
    }

    @Description("US dollars, exact; null for an unpriced model.")
    public BigDecimal getCost() {
        return routed.cost().map(Cost::total).orElse(null);
    }

    @Description("Which parts were billed at which price (input, cache reads and writes, output, reasoning); null "
            + "for an unpriced model.")
    public List<CostLineView> getCostBreakdown() {
        return CostLineView.of(routed.cost().orElse(null));
    }

    @NonNull
    @Description("Provider id that answered.")
    public String getProvider() {
        return routed.deployment().providerId();
    }

    @NonNull
    public String getProviderType() {
        return routed.deployment().type().wireName();
    }

    @NonNull
    @Description("Model that answered.")
    public String getModel() {
        return routed.deployment().model().id();
    }

    @Description("The route used, if any.")
    public String getRoute() {
        return routed.route();
    }

    @Description("Upstream calls made, including retries and fallbacks.")
    public int getAttempts() {
        return routed.attempts().size();
    }

    @NonNull
    @Description("Every try, e.g. primary/gpt-4o#1:UNAVAILABLE(503).")
    public List<@NonNull String> getAttemptLog() {
        return routed.attempts().stream().map(Attempt::toString).toList();
    }

    @Description("hit when the response cache answered (no upstream call, cost 0), miss when it was looked up and "
            + "missed; null when caching is off for this key and route.")
    public String getCache() {
        return cache;
    }

    private Choice first() {
        return routed.response().choices().isEmpty() ? null : routed.response().choices().get(0);
    }
}
