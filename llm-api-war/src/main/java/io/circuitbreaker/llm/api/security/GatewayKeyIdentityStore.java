package io.circuitbreaker.llm.api.security;

import io.circuitbreaker.llm.access.KeyCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/** Validates gateway keys against the stored hashes: the caller is the key's id, its group the key's role. */
@ApplicationScoped
public class GatewayKeyIdentityStore implements IdentityStore {

    @Inject
    KeyCache keys;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof GatewayKeyCredential presented)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return keys.authenticate(presented.secret())
                .map(key -> new CredentialValidationResult(new CallerPrincipal(key.id()),
                        Set.of(key.role().roleName())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
