package io.circuitbreaker.llm.payara;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/** Registers {@link PayaraServerContainer} with Arquillian (listed in META-INF/services). */
public class PayaraExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(DeployableContainer.class, PayaraServerContainer.class);
    }
}
