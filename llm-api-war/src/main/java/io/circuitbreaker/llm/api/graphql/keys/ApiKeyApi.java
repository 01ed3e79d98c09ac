package io.circuitbreaker.llm.api.graphql.keys;

import io.circuitbreaker.llm.access.AccessGuard;
import io.circuitbreaker.llm.access.BudgetPeriod;
import io.circuitbreaker.llm.access.CreatedKey;
import io.circuitbreaker.llm.access.GatewayKey;
import io.circuitbreaker.llm.access.GatewayKeys;
import io.circuitbreaker.llm.access.KeyCache;
import io.circuitbreaker.llm.access.KeyLimits;
import io.circuitbreaker.llm.access.Role;
import io.circuitbreaker.llm.api.graphql.Caller;
import io.circuitbreaker.llm.api.graphql.GatewayGraphQLException;
import io.circuitbreaker.llm.cache.CachePolicies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Gateway keys: admins create, revoke and list them; every key can read its own limits and spend. */
@GraphQLApi
@ApplicationScoped
public class ApiKeyApi {

    private static final Logger LOG = Logger.getLogger(ApiKeyApi.class.getName());

    @Inject
    GatewayKeys keys;

    @Inject
    KeyCache cache;

    @Inject
    AccessGuard access;

    @Inject
    Caller caller;

    @Inject
    CachePolicies cachePolicies;

    @Mutation("createApiKey")
    @Description("Creates a gateway key (admin only). The secret is in the answer this once; only its hash is kept.")
    public @NonNull CreatedApiKeyView createApiKey(@NonNull @Name("name") String name,
            @Name("role") @Description("admin or client (default client).") String role,
            @Name("rateLimit") RateLimitInput rateLimit, @Name("budget") BudgetInput budget,
            @Name("cacheTtlSeconds") @Description("Opt the key in to the response cache: seconds an answer is kept "
                    + "(1 to 2592000). 0 or null: off.") Integer cacheTtlSeconds)
            throws GatewayGraphQLException {
        caller.requireAdmin("createApiKey");
        Role parsedRole = role == null ? Role.CLIENT : Role.parse(role).orElseThrow(() ->
                GatewayGraphQLException.validation("role must be admin or client"));
        CreatedKey created;
        Integer ttl;
        try {
            ttl = CachePolicies.checked(cacheTtlSeconds); // refused before the key is made
            created = keys.create(name, parsedRole, limits(rateLimit, budget));
        } catch (IllegalArgumentException e) {
            throw GatewayGraphQLException.validation(e.getMessage());
        }
        GatewayKey key = created.key();
        if (ttl != null) {
            cachePolicies.setForKey(key.id(), ttl);
        }
        LOG.info(() -> "Gateway key created: " + key.id() + " (" + key.role().roleName() + ", " + key.name() + ")");
        return new CreatedApiKeyView(created.secret(), view(key));
    }

    @Mutation("revokeApiKey")
    @Description("Revokes a gateway key at once (admin only). False when no active key has this id.")
    public boolean revokeApiKey(@NonNull @Name("id") String id) throws GatewayGraphQLException {
        caller.requireAdmin("revokeApiKey");
        try {
            boolean revoked = keys.revoke(id).isPresent();
            access.forget(id);
            return revoked;
        } catch (IllegalStateException e) {
            throw GatewayGraphQLException.validation(e.getMessage());
        }
    }

    @Mutation("setApiKeyCache")
    @Description("Opts a gateway key in to the response cache for this many seconds (1 to 2592000), or out with 0 or "
            + "null (admin only). Answers the key.")
    public @NonNull ApiKeyView setApiKeyCache(@NonNull @Name("id") String id,
            @Name("cacheTtlSeconds") Integer cacheTtlSeconds) throws GatewayGraphQLException {
        caller.requireAdmin("setApiKeyCache");
        GatewayKey key = cache.byId(id).filter(GatewayKey::isActive)
                .orElseThrow(() -> GatewayGraphQLException.notFound("no active key " + id));
        try {
            cachePolicies.setForKey(id, cacheTtlSeconds);
        } catch (IllegalArgumentException e) {
            throw GatewayGraphQLException.validation(e.getMessage());
        }
        return view(key);
    }

    @Query("apiKeys")
    @Description("Every gateway key, oldest first, without secrets (admin only).")
    public @NonNull List<@NonNull ApiKeyView> apiKeys() throws GatewayGraphQLException {
        caller.requireAdmin("apiKeys");
        return cache.list().stream().map(this::view).toList();
    }

    @Query("myApiKey")
    @Description("The key this request was made with: its role, limits and budget spend.")
    public @NonNull ApiKeyView myApiKey() throws GatewayGraphQLException {
        String id = caller.keyId();
        return view(cache.byId(id).orElseThrow(() -> GatewayGraphQLException.notFound("no key " + id)));
    }

    private ApiKeyView view(GatewayKey key) {
        return new ApiKeyView(key, key.isActive() ? access.budget(key).orElse(null) : null,
                cachePolicies.forKey(key.id()).orElse(null));
    }

    private static KeyLimits limits(RateLimitInput rateLimit, BudgetInput budget) throws GatewayGraphQLException {
        BudgetPeriod period = null;
        if (budget != null) {
            try {
                period = BudgetPeriod.valueOf(budget.getPeriod().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw GatewayGraphQLException.validation("budget.period must be DAY or MONTH");
            }
        }
        try {
            return new KeyLimits(rateLimit == null ? null : rateLimit.getRequestsPerMinute(),
                    rateLimit == null ? null : rateLimit.getTokensPerMinute(),
                    budget == null ? null : budget.getLimitUsd(), period);
        } catch (IllegalArgumentException e) {
            throw GatewayGraphQLException.validation(e.getMessage());
        }
    }
}
