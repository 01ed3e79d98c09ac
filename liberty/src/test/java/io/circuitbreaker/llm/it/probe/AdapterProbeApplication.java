package io.circuitbreaker.llm.it.probe;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Test-only web module added to the gateway EAR by the integration tests; never shipped. */
@ApplicationPath("/")
public class AdapterProbeApplication extends Application {
}
