package io.circuitbreaker.llm.payara;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.descriptor.api.Descriptor;

/**
 * A real Payara Server for the integration tests, driven the way an operator drives it: {@code gateway-domain.sh}
 * makes and starts a fresh domain, each test class's archive is installed with {@code asadmin deploy} and removed
 * with {@code asadmin undeploy}, and the domain is stopped at the end.
 *
 * <p>Why a container of our own: Payara's Arquillian adapter for Jakarta EE 10 (3.x) is not on Maven Central in a
 * released version, and the tests run as clients over HTTP ({@code @RunAsClient}, deployments not testable), so
 * deploying is all the container has to do.
 */
public class PayaraServerContainer implements DeployableContainer<PayaraServerConfiguration> {

    private PayaraServerConfiguration configuration;
    private PayaraCommands commands;

    @Override
    public Class<PayaraServerConfiguration> getConfigurationClass() {
        return PayaraServerConfiguration.class;
    }

    @Override
    public void setup(PayaraServerConfiguration configuration) {
        this.configuration = configuration;
        this.commands = new PayaraCommands(configuration.getPayaraHome(), Path.of("target", "payara-it-asadmin.log"));
    }

    @Override
    public void start() throws LifecycleException {
        List<String> options = new ArrayList<>(List.of("--no-deploy"));
        for (String property : configuration.systemPropertyList()) {
            options.add("--property");
            options.add(property);
        }
        try {
            commands.createDomain(configuration.getDomainScript(), configuration.getJdbcDir(),
                    configuration.getDomain(), configuration.getPortbase(), options, Map.of());
        } catch (IOException e) {
            throw new LifecycleException("The Payara domain did not start: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() throws LifecycleException {
        try {
            commands.asadmin("stop-domain", configuration.getDomain());
        } catch (IOException e) {
            throw new LifecycleException("The Payara domain did not stop: " + e.getMessage(), e);
        }
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        // the tests run as clients; no test code travels to the server
        return new ProtocolDescription("Local");
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        try {
            Path folder = Files.createTempDirectory("payara-deploy");
            File file = folder.resolve(archive.getName()).toFile();
            archive.as(ZipExporter.class).exportTo(file, true);
            commands.asadmin("--port", String.valueOf(configuration.adminPort()), "deploy",
                    "--name", applicationName(archive), "--force=true", file.getAbsolutePath());
            Files.delete(file.toPath());
            Files.delete(folder);
        } catch (IOException e) {
            throw new DeploymentException("asadmin deploy failed: " + e.getMessage(), e);
        }
        return new ProtocolMetaData().addContext(new HTTPContext("localhost", configuration.httpPort()));
    }

    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        try {
            commands.asadmin("--port", String.valueOf(configuration.adminPort()), "undeploy",
                    applicationName(archive));
        } catch (IOException e) {
            throw new DeploymentException("asadmin undeploy failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void deploy(Descriptor descriptor) {
        throw new UnsupportedOperationException("descriptors are not deployed to Payara by these tests");
    }

    @Override
    public void undeploy(Descriptor descriptor) {
        throw new UnsupportedOperationException("descriptors are not deployed to Payara by these tests");
    }

    private static String applicationName(Archive<?> archive) {
        String name = archive.getName();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
