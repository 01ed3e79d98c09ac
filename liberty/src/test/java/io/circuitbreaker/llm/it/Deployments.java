package io.circuitbreaker.llm.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The gateway EAR exactly as the build produced it: tests deploy what users deploy. */
final class Deployments {

    private Deployments() {
    }

    static EnterpriseArchive gatewayEar() {
        File ear = new File(System.getProperty("gateway.ear", "target/it/llm-gateway.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("gateway EAR not found at " + ear.getAbsolutePath());
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }
}
