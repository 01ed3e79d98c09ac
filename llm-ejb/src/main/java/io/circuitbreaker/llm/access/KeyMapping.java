package io.circuitbreaker.llm.access;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Between stored keys and {@link GatewayKey}. */
final class KeyMapping {

    private KeyMapping() {
    }

    static GatewayKey toKey(ApiKeyEntity e) {
        return new GatewayKey(e.id, e.name, Role.parse(e.role).orElse(Role.CLIENT), e.prefix, instant(e.createdAt),
                instant(e.revokedAt), new KeyLimits(e.requestsPerMinute, e.tokensPerMinute, e.budgetUsd,
                        e.budgetPeriod == null ? null : BudgetPeriod.valueOf(e.budgetPeriod)));
    }

    static ApiKeyEntity newEntity(String name, Role role, KeyLimits limits, String secret, String origin,
            Instant now) {
        ApiKeyEntity e = new ApiKeyEntity();
        e.id = "key_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        e.name = name;
        e.role = role.roleName();
        e.secretHash = KeySecrets.hash(secret);
        e.prefix = KeySecrets.display(secret);
        e.origin = origin;
        e.createdAt = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        e.requestsPerMinute = limits.requestsPerMinute();
        e.tokensPerMinute = limits.tokensPerMinute();
        e.budgetUsd = limits.budgetUsd();
        e.budgetPeriod = limits.budgetPeriod() == null ? null : limits.budgetPeriod().name();
        return e;
    }

    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
