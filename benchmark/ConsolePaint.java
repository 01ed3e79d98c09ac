import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How fast the console's usage page is with the usage the gateway holds (benchmark/console.sh fills it first): in
 * Debian's Chromium, headless at 1280×800, each of RUNS fresh page loads measures the first contentful paint and the
 * time until the charts of the last 24 hours are drawn; then the time to redraw for 7 days stacked by model. Times are
 * the browser's own (Paint Timing and the page's user-timing measure 'usage-load'). Prints RESULT lines.
 * Usage: java -cp <selenium> benchmark/ConsolePaint.java http://127.0.0.1:9295 <admin key> [runs]
 */
public class ConsolePaint {

    public static void main(String[] args) {
        String base = args[0];
        String key = args[1];
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800");
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build(), options);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(20));
        List<Double> paint = new ArrayList<>();
        List<Double> drawn = new ArrayList<>();
        List<Double> week = new ArrayList<>();
        try {
            driver.get(base + "/console/");
            driver.executeScript("sessionStorage.setItem('cbk.console.key', arguments[0]);", key);
            for (int run = 0; run <= runs; run++) { // run 0 warms the server's and the browser's caches
                driver.get("about:blank");
                driver.get(base + "/console/#/usage");
                wait.until(d -> measures(driver) >= 1);
                double fcp = number(driver.executeScript(
                        "return performance.getEntriesByName('first-contentful-paint')[0].startTime;"));
                double firstDrawn = number(driver.executeScript("const m = performance.getEntriesByName('usage-load')[0];"
                        + " return m.startTime + m.duration;"));
                new Select(driver.findElement(By.name("range"))).selectByValue("7d");
                wait.until(d -> measures(driver) >= 2);
                new Select(driver.findElement(By.name("groupBy"))).selectByValue("MODEL");
                wait.until(d -> measures(driver) >= 3);
                double weekByModel = number(driver.executeScript(
                        "return performance.getEntriesByName('usage-load')[2].duration;"));
                if (run > 0) {
                    paint.add(fcp);
                    drawn.add(firstDrawn);
                    week.add(weekByModel);
                }
            }
            String requests = driver.findElement(By.cssSelector(".tiles .tile dd")).getText();
            System.out.println("RESULT requests_in_7d=" + requests.replace(",", "") + " runs=" + runs
                    + " fcp_ms=" + stats(paint) + " drawn_24h_ms=" + stats(drawn) + " redraw_7d_by_model_ms=" + stats(week));
        } finally {
            driver.quit();
        }
    }

    private static long measures(ChromeDriver driver) {
        return ((Number) driver.executeScript("return performance.getEntriesByName('usage-load').length;")).longValue();
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    /** median/max, whole milliseconds */
    private static String stats(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return Math.round(sorted.get(sorted.size() / 2)) + "/" + Math.round(sorted.get(sorted.size() - 1));
    }
}
