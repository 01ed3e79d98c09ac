package io.circuitbreaker.llm.it;

import io.circuitbreaker.llm.it.probe.AdapterProbeResource;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

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

    /**
     * The gateway EAR plus a test-only web module at {@code /adapter-probe} that drives the adapters and the router
     * from inside the container (see the probe package).
     */
    static EnterpriseArchive gatewayEarWithProbe() {
        EnterpriseArchive ear = gatewayEar();
        WebArchive probe = ShrinkWrap.create(WebArchive.class, "adapter-probe.war")
                .addPackage(AdapterProbeResource.class.getPackage())
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        ear.addAsModule(probe);
        String applicationXml = read(ear.get("META-INF/application.xml").getAsset().openStream());
        ear.setApplicationXML(new StringAsset(applicationXml.replace("</application>",
                "<module><web><web-uri>adapter-probe.war</web-uri><context-root>/adapter-probe</context-root>"
                        + "</web></module></application>")));
        return ear;
    }

    /** A recorded provider payload (shared with the adapter tests). */
    static String fixture(String path) {
        InputStream in = Deployments.class.getResourceAsStream("/fixtures/" + path);
        if (in == null) {
            throw new IllegalArgumentException("no fixture " + path);
        }
        return read(in);
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
