package io.circuitbreaker.llm.payara;

import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/**
 * Where the Payara Server for the integration tests is and how its domain is made, set in {@code arquillian.xml}
 * (the Arquillian container reads each property through its setter).
 */
public class PayaraServerConfiguration implements ContainerConfiguration {

    private String payaraHome;
    private String domain = "gateway-test";
    private int portbase;
    private String domainScript;
    private String jdbcDir;
    private String systemProperties = "";

    @Override
    public void validate() throws ConfigurationException {
        if (payaraHome == null || domainScript == null || jdbcDir == null || portbase <= 0) {
            throw new ConfigurationException("payaraHome, domainScript, jdbcDir and portbase must be set");
        }
    }

    public String getPayaraHome() {
        return payaraHome;
    }

    public void setPayaraHome(String payaraHome) {
        this.payaraHome = payaraHome;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public int getPortbase() {
        return portbase;
    }

    public void setPortbase(int portbase) {
        this.portbase = portbase;
    }

    public String getDomainScript() {
        return domainScript;
    }

    public void setDomainScript(String domainScript) {
        this.domainScript = domainScript;
    }

    public String getJdbcDir() {
        return jdbcDir;
    }

    public void setJdbcDir(String jdbcDir) {
        this.jdbcDir = jdbcDir;
    }

    public String getSystemProperties() {
        return systemProperties;
    }

    /**
     * {@code name=value} settings separated by white space (Arquillian joins the lines of a property's value), given
     * to the domain as system properties; no value may contain white space.
     */
    public void setSystemProperties(String systemProperties) {
        this.systemProperties = systemProperties;
    }

    int httpPort() {
        return portbase + 80;
    }

    int adminPort() {
        return portbase + 48;
    }

    List<String> systemPropertyList() {
        List<String> list = new ArrayList<>();
        for (String setting : systemProperties.strip().split("\\s+")) {
            if (!setting.isEmpty()) {
                list.add(setting);
            }
        }
        return list;
    }
}
