package io.antechamber.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.support.DashboardClient;
import io.antechamber.api.support.DashboardClient.Page;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi.Agent;
import io.antechamber.api.support.TestApi.Human;
import io.antechamber.api.support.TestApi.Org;
import io.antechamber.api.support.TestApi.Room;
import java.lang.reflect.RecordComponent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every dashboard page and form, found in Spring's handler mapping (so pages added later are covered), is sent
 * hostile path variables, query parameters and form fields by a signed-in admin with a valid CSRF token: none may
 * answer a server error, and none may echo markup unescaped (a reflected XSS). Real ids are among the values, so
 * handlers get past their lookups too.
 */
class DashboardHostileInputTest extends IntegrationTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final List<String> HOSTILE = List.of("", SCRIPT, "-1", "99999999999999999999999",
            "x".repeat(5000), "{\"a\":", "null", "2026-13-45T99:99", "../../etc/passwd", "\u0000",
            // JSON the API's strict reader refuses, for the forms that take JSON (review item 3)
            "{\"a\":1,\"a\":2}", "{\"a\":\"\\u0000\"}", "{\"a\":1e400}");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    record Endpoint(String method, String pattern, Set<String> fields) {
    }

    @Test
    void no_page_or_form_fails_or_reflects_markup_on_hostile_input() {
        Org org = api.newOrg();
        Room room = api.newRoom(org, "fuzz-room");
        Agent agent = api.memberAgent(org, room, "fuzz-agent");
        String checkIn = api.pendingCheckIn(agent, room, "deploy").get("id").asText();
        // another admin signs in, so a form that rotates or removes the owner does not end the fuzzing session
        Human fuzzer = api.newHuman(org, "Fuzzer", "admin");
        DashboardClient browser = new DashboardClient(port);
        String csrf = browser.signIn(fuzzer.key()).csrfToken();
        String task = api.openTask(org, room, "review the fuzz");
        String watcher = api.watch(org.humanKey(), room).get("watcher").get("id").asText();
        Map<String, String> realIds = Map.of("room", room.id(), "agent", agent.id(), "human", org.ownerId(),
                "check", checkIn, "task", task, "watcher", watcher);
        List<Endpoint> endpoints = dashboardEndpoints();
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/", "/login");

        int requests = 0;
        for (Endpoint endpoint : endpoints) {
            if (endpoint.pattern().equals("/logout")) {
                continue; // it would end the session the rest of the test uses
            }
            // every hostile value in every field on a real path, then every hostile path with hostile fields
            for (String value : HOSTILE) {
                send(browser, csrf, endpoint, fill(endpoint.pattern(), realIds, null), value);
                requests++;
            }
            if (endpoint.pattern().contains("{")) {
                for (String pathValue : HOSTILE.subList(1, HOSTILE.size())) {
                    send(browser, csrf, endpoint, fill(endpoint.pattern(), realIds, pathValue), SCRIPT);
                    requests++;
                }
            }
        }
        assertThat(requests).isGreaterThan(endpoints.size());
    }

    private static void send(DashboardClient browser, String csrf, Endpoint endpoint, String path, String value) {
        Map<String, String> fields = new LinkedHashMap<>();
        endpoint.fields().forEach(field -> fields.put(field, value));
        if (!endpoint.method().equals("GET")) {
            fields.put(DashboardInterceptor.CSRF_FIELD, csrf);
        }
        String request = endpoint.method() + " " + abbreviated(path) + " with " + abbreviated(fields.toString());
        Page page;
        try {
            page = endpoint.method().equals("GET") ? browser.get(path + query(fields)) : browser.post(path, fields);
        } catch (IllegalStateException e) {
            throw new AssertionError(request + " got no answer", e);
        }
        assertThat(page.status()).as(request + ": " + page.response().body()).isLessThan(500);
        assertThat(page.response().body()).as(request).doesNotContain(SCRIPT);
    }

    private List<Endpoint> dashboardEndpoints() {
        RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            RequestMappingInfo info = entry.getKey();
            if (!handler.getBeanType().isAnnotationPresent(DashboardController.class)
                    || info.getProducesCondition().getProducibleMediaTypes().contains(MediaType.TEXT_EVENT_STREAM)) {
                continue;
            }
            Set<String> fields = fields(handler);
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    endpoints.add(new Endpoint(method.name(), pattern, fields));
                }
            }
        }
        return endpoints;
    }

    /** The names a handler reads from the query or form: its request parameters and its form records' fields. */
    private static Set<String> fields(HandlerMethod handler) {
        Set<String> names = new LinkedHashSet<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                String name = !param.name().isEmpty() ? param.name() : param.value();
                names.add(name.isEmpty() ? parameter.getParameterName() : name);
            } else if (parameter.getParameterType().isRecord()
                    && (parameter.hasParameterAnnotation(ModelAttribute.class)
                    || !parameter.getParameterType().getName().startsWith("io.antechamber.api.auth"))) {
                for (RecordComponent component : parameter.getParameterType().getRecordComponents()) {
                    names.add(component.getName());
                }
            }
        }
        names.remove(DashboardInterceptor.CSRF_FIELD);
        return names;
    }

    /**
     * The path with each variable set to {@code value}, or when that is null to the real id it names: by the
     * variable's name ({@code {room}}, {@code {agent}}), else by the path segment before it
     * ({@code /admin/humans/{id}} a human, {@code /tasks/{id}} a task, {@code /admin/watchers/{id}} a watcher);
     * anything else the check-in.
     */
    private static String fill(String pattern, Map<String, String> realIds, String value) {
        Matcher variables = VARIABLE.matcher(pattern);
        return variables.replaceAll(match -> {
            String chosen = value;
            if (chosen == null) {
                String before = pattern.substring(0, match.start() - 1);
                String segment = before.substring(before.lastIndexOf('/') + 1);
                String name = match.group(1).toLowerCase();
                chosen = realIds.entrySet().stream().filter(e -> name.contains(e.getKey())).map(Map.Entry::getValue)
                        .findFirst()
                        .or(() -> realIds.entrySet().stream().filter(e -> segment.contains(e.getKey()))
                                .map(Map.Entry::getValue).findFirst())
                        .orElse(realIds.get("check"));
            }
            return Matcher.quoteReplacement(encode(chosen));
        });
    }

    private static String query(Map<String, String> fields) {
        if (fields.isEmpty()) {
            return "";
        }
        StringBuilder query = new StringBuilder("?");
        fields.forEach((name, value) -> query.append(query.length() > 1 ? "&" : "").append(encode(name)).append('=')
                .append(encode(value)));
        return query.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviated(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
