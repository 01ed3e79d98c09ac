package io.circuitbreaker.llm.api.graphql;

import io.circuitbreaker.llm.access.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;

/**
 * The authenticated caller of a GraphQL operation, from the container's security context: the principal is the
 * gateway key's id, the role {@code admin} or {@code client}. Resolvers check roles here before they act.
 */
@ApplicationScoped
public class Caller {

    @Inject
    SecurityContext security;

    /** The caller's gateway key id. */
    public String keyId() throws GatewayGraphQLException {
        Principal principal = security.getCallerPrincipal();
        if (principal == null) {
            throw new GatewayGraphQLException("UNAUTHORIZED", "a gateway key is required");
        }
        return principal.getName();
    }

    public boolean isAdmin() {
        return security.isCallerInRole(Role.ADMIN_ROLE);
    }

    /**
     * @param action what the caller tried, for the message
     * @throws GatewayGraphQLException FORBIDDEN unless the caller's key has the admin role
     */
    public void requireAdmin(String action) throws GatewayGraphQLException {
        if (!isAdmin()) {
            throw new GatewayGraphQLException("FORBIDDEN", action + " needs an admin gateway key; this key has the "
                    + "client role");
        }
    }

    /** {@code null} for an admin (every key's data), else the caller's own key id. */
    public String ownKeyUnlessAdmin() throws GatewayGraphQLException {
        return isAdmin() ? null : keyId();
    }
}
