package io.khabar.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service reads, taken from the source tree: the shared Kafka defaults and the keys of its own
 * application.properties (profile prefixes removed), every {@code @ConfigMapping} interface's settings and every {@code @ConfigProperty} name, plus the few
 * framework properties that the services read without listing them (broker address, datasource credentials).
 */
final class ServiceSettings {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final List<String> SERVICES = List.of("ingest-service", "enrich-service", "store-service");
    /** The configuration every service reads from the khabar-messaging jar (MicroProfile Config, ordinal 100). */
    static final String SHARED = "messaging/src/main/resources/META-INF/microprofile-config.properties";
    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\(prefix\\s*=\\s*\"([^\"]+)\"\\)");
    private static final Pattern METHOD = Pattern.compile("^\\s+[\\w.<>]+\\s+(\\w+)\\(\\);", Pattern.MULTILINE);
    private static final Pattern PROPERTY = Pattern.compile("@ConfigProperty\\(name\\s*=\\s*\"([^\"]+)\"");

    final String service;
    final Properties properties = new Properties();
    final Set<String> readable = new HashSet<>();

    ServiceSettings(String service) throws IOException {
        this.service = service;
        Path dir = ROOT.resolve(service);
        // The Kafka defaults every service takes from the khabar-messaging jar, then the service's own on top.
        try (Reader r = Files.newBufferedReader(ROOT.resolve(SHARED))) {
            properties.load(r);
        }
        try (Reader r = Files.newBufferedReader(dir.resolve("src/main/resources/application.properties"))) {
            properties.load(r);
        }
        for (String key : properties.stringPropertyNames()) {
            readable.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
        }
        readable.add("kafka.bootstrap.servers");
        if (properties.getProperty("quarkus.datasource.db-kind") != null) {
            readable.addAll(List.of("quarkus.datasource.jdbc.url", "quarkus.datasource.username",
                    "quarkus.datasource.password"));
        }
        try (Stream<Path> sources = Files.walk(dir.resolve("src/main/java"))) {
            for (Path f : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                Matcher mapping = MAPPING.matcher(src);
                if (mapping.find()) {
                    Matcher m = METHOD.matcher(src);
                    while (m.find()) {
                        readable.add(mapping.group(1) + "." + kebab(m.group(1)));
                    }
                }
                Matcher p = PROPERTY.matcher(src);
                while (p.find()) {
                    readable.add(p.group(1));
                }
            }
        }
    }

    /** True when SmallRye Config maps this environment variable to a property the service reads. */
    boolean readsEnv(String env) {
        return readable.stream().anyMatch(p -> toEnv(p).equals(env));
    }

    int httpPort() {
        return Integer.parseInt(properties.getProperty("quarkus.http.port"));
    }

    String incoming(String channelSetting) {
        return properties.stringPropertyNames().stream()
                .filter(k -> k.matches("mp\\.messaging\\.incoming\\.[^.]+\\." + Pattern.quote(channelSetting)))
                .map(properties::getProperty).findFirst().orElse(null);
    }

    /** SmallRye Config's environment form of a property: non-alphanumerics to '_', upper case. */
    static String toEnv(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
