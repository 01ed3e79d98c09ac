package io.circuitbreaker.llm.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The operations console in a real Chromium against the real Liberty: an operator signs in with a key and sees
 * usage charts from requests that went through WireMock upstreams (recorded OpenAI payloads), edits a price, creates
 * a route (seeing the gateway's validation error first), creates and revokes a key, streams in the playground, filters
 * recent requests and queries GraphiQL with the key; a client key does not get the admin pages. Each page is saved
 * as a screenshot under target/console-screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    /** Unique per run: the test server's database keeps usage and keys from earlier runs. */
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private static final String PROVIDER = "console-" + RUN;
    private static final String MADE_KEY = "console-made-" + RUN;
    private static final String PATH = "/" + PROVIDER + "/v1/chat/completions";
    /** What one recorded answer costs: 13 input × $0.00000015 + 31 output × $0.0000006. */
    private static final BigDecimal ANSWER_COST = new BigDecimal("0.00002055");
    private static final int ANSWERED = 3;
    private static WireMockServer upstream;
    private static ConsoleBrowser browser;
    private static String clientSecret;
    private final GatewayClient gateway = new GatewayClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.gatewayEar();
    }

    @BeforeAll
    static void upstreamRequestsAndBrowser() {
        upstream = new WireMockServer(options().dynamicPort());
        upstream.start();
        upstream.stubFor(post(PATH).withRequestBody(containing("\"c-small\""))
                .willReturn(json(200, Deployments.fixture("openai/chat-completion.json"))));
        upstream.stubFor(post(PATH).withRequestBody(containing("\"c-missing\""))
                .willReturn(json(404, Deployments.fixture("openai/error-404-model-not-found.json"))));
        // the recorded stream, released in 17 pieces over 1.5 s, as a model generates it
        upstream.stubFor(post(PATH).withRequestBody(containing("\"c-stream\"")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody(Deployments.fixture("openai/chat-stream-text-usage.sse")).withChunkedDribbleDelay(17, 1500)));
        GatewayClient gateway = new GatewayClient();
        String models = String.join(", ", model("c-small"), model("c-missing"), model("c-stream"));
        assertTrue(gateway.graphql("mutation { configureLlmProvider(input: {id: \"" + PROVIDER + "\", providerType: "
                + "\"openai\", name: \"Console IT\", baseUrl: \"" + upstream.baseUrl() + "/" + PROVIDER + "/v1\", "
                + "apiKeyId: \"it-primary\", models: [" + models + "]}) { id } }").body().contains(PROVIDER));
        for (int i = 0; i < ANSWERED; i++) {
            assertEquals(200, gateway.postJson("v1/chat/completions", chat("c-small")).statusCode());
        }
        assertEquals(404, gateway.postJson("v1/chat/completions", chat("c-missing")).statusCode());
        clientSecret = GatewayClient.json(gateway.graphql("mutation { createApiKey(name: \"console-it-client\", "
                + "role: \"client\") { secret } }")).getJsonObject("data").getJsonObject("createApiKey")
                .getString("secret");
        browser = ConsoleBrowser.open(Integer.parseInt(System.getProperty("it.http.port", "19080")));
    }

    @AfterAll
    static void cleanUp() {
        if (browser != null) {
            List<String> errors = browser.scriptErrors();
            browser.close();
            assertEquals(List.of(), errors, "the console's scripts ran without errors");
        }
        upstream.stop();
        GatewayClient gateway = new GatewayClient();
        gateway.graphql("mutation { removeRoute(name: \"console-route\") }");
        gateway.graphql("mutation { removeLlmProvider(id: \"" + PROVIDER + "\") }");
    }

    @Test
    @Order(1)
    void anAdminSignsInAndSeesTheRequestsInTheUsageCharts() {
        browser.go("console/");
        browser.find("#key");
        assertEquals(List.of(), browser.accessibilityViolations(), "accessibility of the sign-in page");
        browser.signIn(GatewayClient.ADMIN_KEY);
        browser.page("usage");
        assertFalse(browser.all("svg.chart rect.bar").isEmpty(), "the stacked bars are drawn");
        // other test classes' providers share the server: every group gets a column of its own, none is "other"
        new Select(browser.find("select[name=top]")).selectByValue("all");
        browser.wait.until(d -> usageColumns().stream().noneMatch(column -> column.startsWith("other")));
        assertEquals(String.valueOf(ANSWERED + 1), sumOfColumn("Requests per hour", PROVIDER).toPlainString(),
                "every request to the provider, the failed one too, is in its column");
        new Select(browser.find("select[name=metric]")).selectByValue("cost");
        browser.waitForText("#usage-output", "Cost (US dollars) per hour");
        assertEquals(ANSWER_COST.multiply(BigDecimal.valueOf(ANSWERED)).stripTrailingZeros(),
                sumOfColumn("Cost (US dollars) per hour", PROVIDER).stripTrailingZeros(), "exact cost to the digit");
        assertEquals(ANSWER_COST.multiply(BigDecimal.valueOf(ANSWERED)).stripTrailingZeros(), csvCostOf(PROVIDER),
                "the CSV export carries the exact amounts");
        new Select(browser.find("select[name=groupBy]")).selectByValue("API_KEY");
        browser.waitForText("#usage-output", "bootstrap admin");
        new Select(browser.find("select[name=groupBy]")).selectByValue("MODEL");
        browser.waitForText("#usage-output", PROVIDER + "/c-small");
        assertFalse(browser.all("svg.chart path").isEmpty(), "the p50/p95 latency lines are drawn");
        new Select(browser.find("select[name=metric]")).selectByValue("requests");
        browser.waitForText("#usage-output", "Requests per hour");
        new Select(browser.find("select[name=top]")).selectByValue("8");
        new Select(browser.find("select[name=groupBy]")).selectByValue("PROVIDER");
        browser.wait.until(d -> usageColumns().stream().noneMatch(column -> column.contains("/")));
        accessibleThenScreenshot("usage", 1600);
    }

    @Test
    @Order(2)
    void providersShowHealthAndKeyStatusAndAPriceCanBeEdited() {
        browser.page("providers");
        WebElement card = browser.find("[data-provider='" + PROVIDER + "']");
        assertTrue(card.getText().contains("configured"), card.getText());
        assertFalse(card.getText().contains("sk-it-PRIMARY"), "the provider key is never shown");
        accessibleThenScreenshot("providers", 1300);
        card.findElement(By.cssSelector("button[aria-label='Edit prices of c-small']")).click();
        WebElement input = browser.find("form[aria-label='Prices of c-small'] input[name=input]");
        assertEquals("0.15", input.getAttribute("value"), "per million tokens, from the exact per-token price");
        input.clear();
        input.sendKeys("0.2");
        WebElement output = browser.find("form[aria-label='Prices of c-small'] input[name=output]");
        output.clear();
        output.sendKeys("0.8");
        browser.find("form[aria-label='Prices of c-small'] button[type=submit]").click();
        browser.waitForText("#providers-output", "Prices of c-small saved.");
        JsonObject model = GatewayClient.json(gateway.graphql("{ llmProvider(id: \"" + PROVIDER + "\") { models { id "
                + "costPerInputToken costPerOutputToken } } }")).getJsonObject("data").getJsonObject("llmProvider")
                .getJsonArray("models").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("id").equals("c-small")).findFirst().orElseThrow();
        assertEquals(new BigDecimal("0.0000002"), model.getJsonNumber("costPerInputToken").bigDecimalValue());
        assertEquals(new BigDecimal("0.0000008"), model.getJsonNumber("costPerOutputToken").bigDecimalValue());
    }

    @Test
    @Order(3)
    void aRouteIsCreatedAfterTheGatewaysValidationErrorIsShown() {
        browser.page("routes");
        browser.find("input[name=name]").sendKeys("console-route");
        new Select(browser.find("select[name=strategy]")).selectByValue("weighted");
        browser.find("textarea[name=candidates]").sendKeys(PROVIDER + "/c-small\n" + PROVIDER + "/c-stream");
        browser.find("input[name=weights]").sendKeys("3");
        browser.find("#page form button[type=submit]").click();
        browser.wait.until(d -> !d.findElement(By.id("route-errors")).getText().isBlank());
        String error = browser.find("#route-errors").getText();
        assertTrue(error.toLowerCase().contains("weight"), "the gateway's own message: " + error);
        WebElement weights = browser.find("input[name=weights]");
        weights.clear();
        weights.sendKeys("3, 1");
        browser.find("#page form button[type=submit]").click();
        browser.waitForText("#routes-status", "Route console-route saved");
        browser.waitForText("#routes-list", "console-route");
        assertTrue(gateway.graphql("{ routes { name strategy weights } }").body()
                .contains("{\"name\":\"console-route\",\"strategy\":\"weighted\",\"weights\":[3,1]}"));
        accessibleThenScreenshot("routes", 1600);
    }

    @Test
    @Order(4)
    void aKeyIsCreatedWithItsSecretShownOnceThenRevoked() {
        browser.page("keys");
        browser.find("input[name=name]").sendKeys(MADE_KEY);
        browser.find("input[name=rpm]").sendKeys("30");
        browser.find("input[name=budget]").sendKeys("5.25");
        browser.find("#page form button[type=submit]").click();
        String secret = browser.find("#new-key-secret").getText();
        assertEquals(200, gateway.withKey(secret).get("v1/models").statusCode(), "the shown secret works");
        browser.waitForText("#keys-list", MADE_KEY);
        WebElement row = keyRow(MADE_KEY);
        assertTrue(row.getText().contains("30 requests/min"), row.getText());
        assertTrue(row.getText().contains("$0 of $5.25 per month"), row.getText());
        accessibleThenScreenshot("keys", 1600);
        browser.page("keys");
        assertFalse(browser.find("#page").getText().contains(secret), "the secret is not shown again");
        WebElement revoke = keyRow(MADE_KEY).findElement(By.cssSelector("button.danger"));
        revoke.click();
        assertEquals("Confirm revoking " + MADE_KEY, revoke.getText());
        revoke.click();
        browser.waitForText("#keys-status", "Key " + MADE_KEY + " revoked");
        assertTrue(keyRow(MADE_KEY).getText().contains("revoked"));
        assertEquals(401, gateway.withKey(secret).get("v1/models").statusCode(), "refused once revoked");
    }

    @Test
    @Order(5)
    void thePlaygroundStreamsTheAnswerTokenByTokenThenShowsProviderAttemptsAndExactCost() {
        browser.page("playground");
        new Select(browser.find("select[name=model]")).selectByValue(PROVIDER + "/c-stream");
        browser.find("textarea[name=prompt]").sendKeys("Count to five");
        // count how often the answer grows while it streams
        browser.script("window.answerUpdates = 0; new MutationObserver(() => window.answerUpdates++)"
                + ".observe(document.getElementById('answer'), {childList: true, characterData: true, subtree: true});");
        browser.find("#page form button[type=submit]").click();
        browser.waitForText("#answer-facts", "Request id");
        assertEquals("1, 2, 3, 4, 5", browser.find("#answer").getText());
        long updates = ((Number) browser.script("return window.answerUpdates;")).longValue();
        assertTrue(updates >= 5, "the answer grew piece by piece, " + updates + " updates");
        assertEquals(PROVIDER, fact("Provider"));
        assertEquals("1", fact("Attempts"));
        assertEquals("14", fact("Input tokens"));
        assertEquals("13", fact("Output tokens"));
        assertTrue(fact("Time to first token").endsWith(" ms"), fact("Time to first token"));
        // 14 × 0.00000015 + 13 × 0.0000006
        assertEquals("$0.0000099", fact("Cost"));
        accessibleThenScreenshot("playground", 1600);
    }

    @Test
    @Order(6)
    void recentRequestsAreFilteredOnThePage() {
        browser.page("requests");
        browser.find("input[name=search]").sendKeys(PROVIDER);
        browser.waitForText("#requests-output", "5 of");
        new Select(browser.find("select[name=outcome]")).selectByValue("ERROR");
        browser.waitForText("#requests-output", "1 of");
        assertTrue(browser.find("#requests-output tbody").getText().contains("MODEL_NOT_FOUND"));
        new Select(browser.find("select[name=outcome]")).selectByValue("");
        accessibleThenScreenshot("requests", 1600);
    }

    @Test
    @Order(7)
    void graphiqlIsServedWithoutACdnAndItsRequestsCarryTheKey() {
        browser.go("graphql-ui/");
        browser.waitForText("#key-state", "Requests carry your key.");
        browser.find(".graphiql-execute-button").click();
        browser.wait.until(d -> d.findElement(By.cssSelector(".result-window")).getText().contains("\"llmProviders\""));
        assertFalse(browser.find(".result-window").getText().contains("\"errors\""), "answered, not refused");
        browser.screenshot("graphiql");
    }

    @Test
    @Order(8)
    void aClientKeyDoesNotGetTheAdminPages() {
        browser.go("console/");
        browser.signOut();
        browser.signIn(clientSecret);
        String menu = browser.find("#nav").getText();
        assertTrue(menu.contains("Usage") && menu.contains("Playground"), menu);
        assertFalse(menu.contains("Keys") || menu.contains("Providers") || menu.contains("Routes"), menu);
        browser.page("keys");
        browser.waitForText("#page", "needs an admin key");
        assertEquals(List.of(), browser.accessibilityViolations(), "accessibility of the refusal");
        assertTrue(browser.all("#keys-list").isEmpty(), "no key list is rendered");
        assertTrue(gateway.withKey(clientSecret).graphql("{ apiKeys { id } }").body().contains("admin"),
                "and the gateway refuses the query itself");
        browser.resize(390, 844);
        browser.page("usage");
        accessibleThenScreenshot("usage-phone-client", 2400);
        browser.resize(1280, 800);

        // revoked while signed in: the next thing the console asks is refused, and it asks for a key again
        String clientId = GatewayClient.json(gateway.withKey(clientSecret).graphql("{ myApiKey { id } }"))
                .getJsonObject("data").getJsonObject("myApiKey").getString("id");
        assertTrue(gateway.graphql("mutation { revokeApiKey(id: \"" + clientId + "\") }").body().contains("true"));
        new Select(browser.find("select[name=range]")).selectByValue("7d");
        browser.waitForText("#sign-in-error", "no longer accepts this key");
        assertTrue(browser.find("#key").isDisplayed());
        assertEquals(null, browser.script("return sessionStorage.getItem('cbk.console.key');"), "the key is forgotten");
    }

    private static BigDecimal sumOfColumn(String captionStart, String column) {
        Object sum = browser.script("""
                const table = [...document.querySelectorAll('table')].find(t => t.caption.textContent.startsWith(arguments[0]));
                const index = [...table.tHead.rows[0].cells].findIndex(c => c.textContent === arguments[1]);
                if (index < 0) return 'no column ' + arguments[1];
                return [...table.tBodies[0].rows].map(r => r.cells[index].textContent.replace(/[$,]/g, ''))
                    .filter(Boolean).join(' ');""", captionStart, column);
        return Arrays.stream(String.valueOf(sum).split(" ")).map(BigDecimal::new)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The page as it stands has no WCAG 2.1 A/AA violation axe-core can find; then its screenshot is saved. */
    private static void accessibleThenScreenshot(String name, int maxHeight) {
        assertEquals(List.of(), browser.accessibilityViolations(), "accessibility of the " + name + " page");
        browser.fullPageScreenshot(name, maxHeight);
    }

    /** Clicks Export CSV, catching the file the page offers, and sums the cost column of the group's rows. */
    private static BigDecimal csvCostOf(String group) {
        // the file is read from the Blob the page makes; the download itself is not started
        browser.script("window.csvText = null; const create = URL.createObjectURL;"
                + "URL.createObjectURL = blob => { blob.text().then(t => { window.csvText = t; }); return create(blob); };"
                + "const click = HTMLAnchorElement.prototype.click;"
                + "HTMLAnchorElement.prototype.click = function () { if (!this.download) click.call(this); };");
        browser.find("#usage-csv").click();
        browser.wait.until(d -> browser.script("return window.csvText;") != null);
        List<String> lines = List.of(String.valueOf(browser.script("return window.csvText;")).split("\\R"));
        assertEquals("bucket_start,group,requests,errors,input_tokens,output_tokens,cost_usd,bucket_p50_latency_ms,"
                + "bucket_p95_latency_ms", lines.get(0));
        return lines.stream().skip(1).map(line -> line.split(",")).filter(cells -> cells[1].equals(group))
                .map(cells -> new BigDecimal(cells[6])).reduce(BigDecimal.ZERO, BigDecimal::add).stripTrailingZeros();
    }

    /** The usage tables' column names, read in one script (the page redraws them: element references go stale). */
    private static List<String> usageColumns() {
        return ((List<?>) browser.script("return [...document.querySelectorAll('#usage-output th')]"
                + ".map(th => th.textContent);")).stream().map(String::valueOf).toList();
    }

    private static WebElement keyRow(String name) {
        return browser.all("#keys-list tbody tr").stream().filter(r -> r.getText().startsWith(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for key " + name));
    }

    private static String fact(String name) {
        return browser.find("#playground-facts dd[data-fact='" + name + "']").getText();
    }

    private static String model(String id) {
        return "{id: \"" + id + "\", contextWindow: 16385, costPerInputToken: 0.00000015, costPerOutputToken: 0.0000006}";
    }

    private static String chat(String model) {
        return "{\"model\":\"" + PROVIDER + "/" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
