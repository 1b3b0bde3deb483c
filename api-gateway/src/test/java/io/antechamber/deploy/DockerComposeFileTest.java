package io.antechamber.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Validates the repository's docker-compose.yml with the docker-compose CLI (no Docker engine needed:
 * {@code config} only parses, interpolates and validates). CI installs Debian's docker-compose; a
 * developer without it sees these tests skipped, with the reason.
 */
class DockerComposeFileTest {

    private static final String COMPOSE_FILE = "docker-compose.yml";
    private static final long TIMEOUT_SECONDS = 60;

    private static Path repoRoot;

    @BeforeAll
    static void findRepoRoot() {
        repoRoot = walkUpToComposeFile();
    }

    @BeforeEach
    void requireDockerCompose() {
        // Per test (not in @BeforeAll), so Surefire counts and shows each test as skipped with this reason.
        assumeTrue(onPath("docker-compose"),
                "docker-compose is not on PATH: install it (Debian: apt-get install docker-compose) "
                        + "to validate " + COMPOSE_FILE + "; CI (.ci/run) installs it");
    }

    @Test
    void composeFileIsValid() throws Exception {
        Result result = compose("config", "-q");

        assertEquals(0, result.exitCode(),
                () -> "docker-compose config -q failed for " + repoRoot.resolve(COMPOSE_FILE)
                        + "\nstderr:\n" + result.stderr());
    }

    @Test
    void composeFileRunsTwoReplicasBehindOnePublishedPort() throws Exception {
        Result result = compose("config");
        assertEquals(0, result.exitCode(), () -> "docker-compose config failed\nstderr:\n" + result.stderr());

        Map<String, Object> config = new Yaml().load(result.stdout());
        Map<String, Object> services = map(config.get("services"), "services");

        assertTrue(services.containsKey("postgres"), () -> "no postgres service in " + services.keySet());
        Map<String, Object> postgres = map(services.get("postgres"), "postgres");
        assertTrue(String.valueOf(postgres.get("image")).startsWith("postgres:"),
                () -> "postgres service image: " + postgres.get("image"));

        List<String> replicas = new ArrayList<>();
        int replicaCount = 0;
        for (Map.Entry<String, Object> service : services.entrySet()) {
            if (isApiGateway(map(service.getValue(), service.getKey()))) {
                replicas.add(service.getKey());
                replicaCount += replicasOf(map(service.getValue(), service.getKey()));
            }
        }
        final int total = replicaCount;
        assertEquals(2, total, () -> "expected 2 api-gateway replicas, found " + total + " in " + replicas);

        for (String name : replicas) {
            Map<String, Object> env = environment(map(services.get(name), name));
            assertTrue(String.valueOf(env.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://postgres:"),
                    () -> name + " SPRING_DATASOURCE_URL does not point at the postgres service: "
                            + env.get("SPRING_DATASOURCE_URL"));
        }

        List<String> published = new ArrayList<>();
        for (Map.Entry<String, Object> service : services.entrySet()) {
            Object ports = map(service.getValue(), service.getKey()).get("ports");
            if (ports instanceof List<?> list) {
                for (Object port : list) {
                    published.add(service.getKey() + " -> " + port);
                }
            }
        }
        assertEquals(1, published.size(), () -> "expected exactly one published host port, got " + published);
    }

    @Test
    void theLoadBalancerIsTheReplicasOnlyTrustedProxy() throws Exception {
        Result result = compose("config");
        assertEquals(0, result.exitCode(), () -> "docker-compose config failed\nstderr:\n" + result.stderr());
        Map<String, Object> services = map(new Yaml().<Map<String, Object>>load(result.stdout()).get("services"),
                "services");

        Map<String, Object> lbNetworks = map(map(services.get("lb"), "lb").get("networks"), "lb networks");
        Object lbAddress = map(lbNetworks.values().iterator().next(), "lb network").get("ipv4_address");
        assertTrue(lbAddress != null, () -> "the lb service has no fixed ipv4_address: " + lbNetworks);
        for (Map.Entry<String, Object> service : services.entrySet()) {
            if (isApiGateway(map(service.getValue(), service.getKey()))) {
                assertEquals(String.valueOf(lbAddress),
                        environment(map(service.getValue(), service.getKey())).get("ANTECHAMBER_TRUSTED_PROXIES"),
                        () -> service.getKey() + " must trust exactly the load balancer's address");
            }
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    /** An api-gateway service is one built from api-gateway/Dockerfile. */
    private static boolean isApiGateway(Map<String, Object> service) {
        Object build = service.get("build");
        if (build instanceof Map<?, ?> b) {
            return String.valueOf(b.get("dockerfile")).replace('\\', '/').endsWith("api-gateway/Dockerfile");
        }
        return false;
    }

    private static int replicasOf(Map<String, Object> service) {
        Object deploy = service.get("deploy");
        if (deploy instanceof Map<?, ?> d && d.get("replicas") instanceof Number n) {
            return n.intValue();
        }
        Object scale = service.get("scale");
        return scale instanceof Number n ? n.intValue() : 1;
    }

    /** Compose normalizes environment to a map; accept the list form too. */
    private static Map<String, Object> environment(Map<String, Object> service) {
        Object env = service.get("environment");
        if (env instanceof List<?> list) {
            Map<String, Object> out = new HashMap<>();
            for (Object entry : list) {
                String[] kv = String.valueOf(entry).split("=", 2);
                out.put(kv[0], kv.length > 1 ? kv[1] : null);
            }
            return out;
        }
        return env == null ? Map.of() : map(env, "environment");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        assertInstanceOf(Map.class, value, () -> what + " is not a mapping: " + value);
        return (Map<String, Object>) value;
    }

    private static Path walkUpToComposeFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(COMPOSE_FILE))) {
                return dir;
            }
        }
        throw new IllegalStateException("no " + COMPOSE_FILE + " in " + Path.of("").toAbsolutePath()
                + " or any parent directory");
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result compose(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker-compose", "-f",
                repoRoot.resolve(COMPOSE_FILE).toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(repoRoot.toFile());
        // The file requires a shared admin token (${ANTECHAMBER_ADMIN_TOKEN:?...}); give it one
        // unless the developer's environment already does.
        pb.environment().putIfAbsent("ANTECHAMBER_ADMIN_TOKEN", "compose-file-test-token-0123456789abcdef");
        Process process = pb.start();
        process.getOutputStream().close();
        CompletableFuture<String> stdout = readAsync(process.getInputStream());
        CompletableFuture<String> stderr = readAsync(process.getErrorStream());
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        return new Result(process.exitValue(), stdout.join(), stderr.join());
    }

    private static CompletableFuture<String> readAsync(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "<could not read: " + e + ">";
            }
        });
    }
}
