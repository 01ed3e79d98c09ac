package io.circuitbreaker.llm.api.graphql.keys;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** The answer to createApiKey: the secret, this once. */
@Type("CreatedApiKey")
@Description("A new gateway key. Store secret now: the gateway keeps only its hash and cannot show it again.")
public class CreatedApiKeyView {

    private final String secret;
    private final ApiKeyView apiKey;

    public CreatedApiKeyView(String secret, ApiKeyView apiKey) {
        this.secret = secret;
        this.apiKey = apiKey;
    }

    @Description("Send as 'Authorization: Bearer <secret>'.")
    public @NonNull String getSecret() {
        return secret;
    }

    public @NonNull ApiKeyView getApiKey() {
        return apiKey;
    }
}
