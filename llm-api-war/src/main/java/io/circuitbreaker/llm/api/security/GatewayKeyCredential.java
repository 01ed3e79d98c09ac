package io.circuitbreaker.llm.api.security;

import jakarta.security.enterprise.credential.Credential;

/** A presented gateway key, on its way to the identity store. Never printed. */
final class GatewayKeyCredential implements Credential {

    private String secret;

    GatewayKeyCredential(String secret) {
        this.secret = secret;
    }

    String secret() {
        return secret;
    }

    @Override
    public void clear() {
        secret = null;
    }

    @Override
    public boolean isValid() {
        return secret != null && !secret.isEmpty();
    }

    @Override
    public String toString() {
        return "GatewayKeyCredential[****]";
    }
}
