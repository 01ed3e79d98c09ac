package io.circuitbreaker.llm.api.graphql.keys;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

/** Per-minute limits of a key; an absent value is no limit. */
@Input("RateLimitInput")
@Description("Per-minute limits of a gateway key; leave a field out for no limit.")
public class RateLimitInput {

    @Description("Chat requests per minute.")
    private Integer requestsPerMinute;

    @Description("Input plus output tokens per minute, as the providers report them.")
    private Integer tokensPerMinute;

    public Integer getRequestsPerMinute() {
        return requestsPerMinute;
    }

    public void setRequestsPerMinute(Integer requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
    }

    public Integer getTokensPerMinute() {
        return tokensPerMinute;
    }

    public void setTokensPerMinute(Integer tokensPerMinute) {
        this.tokensPerMinute = tokensPerMinute;
    }
}
