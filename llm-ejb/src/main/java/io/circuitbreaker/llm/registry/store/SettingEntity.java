package io.circuitbreaker.llm.registry.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A fact the gateway keeps about its own database, e.g. that the default catalog has been seeded. */
@Entity
@Table(name = "LLM_SETTING")
public class SettingEntity {

    @Id
    @Column(name = "NAME", length = 128)
    public String name;

    @Column(name = "SETTING_VALUE", length = 1000)
    public String value;

    public SettingEntity() {
    }

    SettingEntity(String name, String value) {
        this.name = name;
        this.value = value;
    }
}
