package io.antechamber.api.support;

import io.antechamber.api.AntechamberApplication;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An application started apart from the shared test context (restarts, replicas, special settings), on a random
 * port. Settings are passed as command-line arguments so they win over application.yml.
 */
public final class StandaloneApp implements AutoCloseable {

    /** Arguments that lift the per-credential and per-address limits, for tests that send load from few keys. */
    public static final List<String> NO_RATE_LIMITS = List.of(
            "--antechamber.rate-limit.burst=1000000", "--antechamber.rate-limit.per-second=1000000",
            "--antechamber.rate-limit.self-registrations-per-hour=1000000");

    private final ConfigurableApplicationContext context;

    private StandaloneApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static StandaloneApp start(Map<String, String> database, String adminToken, String... extraArgs) {
        List<String> args = new ArrayList<>();
        database.forEach((key, value) -> args.add("--" + key + "=" + value));
        args.add("--server.port=0");
        args.add("--antechamber.admin-token=" + adminToken);
        args.addAll(List.of(extraArgs));
        return new StandaloneApp(new SpringApplicationBuilder(AntechamberApplication.class)
                .run(args.toArray(String[]::new)));
    }

    public Http http() {
        return new Http(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public <T> Collection<T> beans(Class<T> type) {
        return context.getBeansOfType(type).values();
    }

    public <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    @Override
    public void close() {
        context.close();
    }
}
