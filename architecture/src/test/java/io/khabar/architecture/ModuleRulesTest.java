package io.khabar.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rooms of the house, checked on every build over the production classes of every module (tests excluded):
 * <ul>
 *   <li>the contract ({@code events}) imports no framework: Java and Jackson only; the shared text utilities
 *       ({@code text}) Java only;</li>
 *   <li>the pure-logic modules ({@code matching}, {@code normalizer}, {@code knowledge}, {@code entities},
 *       {@code temporal}, {@code topics}) import no Quarkus, Jakarta, MicroProfile, SmallRye, Vert.x or Kafka, and no service;</li>
 *   <li>no service imports another, and runtime code reaches no tool ({@code bench}, {@code local-run}) and no test
 *       support ({@code infra});</li>
 *   <li>a {@code main()} lives in a tool module, not in a runtime library.</li>
 * </ul>
 * A deliberate violation fails the build with the rule and the offending line (see the note of issue #17).
 */
class ModuleRulesTest {
    static final String EVENTS = "io.khabar.events..";
    static final String[] LOGIC = {"io.khabar.matching..", "io.khabar.normalize..", "io.khabar.knowledge..",
            "io.khabar.entities..", "io.khabar.temporal..", "io.khabar.topics.."};
    static final String[] SERVICES = {"io.khabar.ingest..", "io.khabar.enrich..", "io.khabar.store.."};
    static final String[] RUNTIME = {"io.khabar.events..", "io.khabar.text..", "io.khabar.messaging..",
            "io.khabar.http..", "io.khabar.matching..", "io.khabar.normalize..", "io.khabar.knowledge..",
            "io.khabar.entities..", "io.khabar.temporal..", "io.khabar.topics..", "io.khabar.ingest..",
            "io.khabar.enrich..", "io.khabar.store.."};
    static final String[] TOOLS = {"io.khabar.bench..", "io.khabar.local..", "io.khabar.infra.."};
    static final String[] FRAMEWORKS = {"io.quarkus..", "jakarta..", "javax.ws..", "javax.inject..",
            "org.eclipse.microprofile..", "io.smallrye..", "io.vertx..", "org.apache.kafka..", "org.jboss.."};

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.khabar");
    }

    @Test
    void everyModuleIsImported() {
        for (String pkg : List.of("events", "text", "messaging", "http", "matching", "normalize", "knowledge",
                "entities", "temporal",
                "topics", "ingest", "enrich", "store", "local", "bench", "infra")) {
            assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith("io.khabar." + pkg)))
                    .as("classes of io.khabar." + pkg + " on this module's classpath").isTrue();
        }
    }

    @Test
    void theContractImportsNoFramework() {
        ArchRule rule = classes().that().resideInAPackage(EVENTS).should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.fasterxml.jackson..", EVENTS)
                .because("the event contract is read by any consumer: Java and Jackson only");
        rule.check(classes);
    }

    @Test
    void theTextUtilitiesImportOnlyJava() {
        classes().that().resideInAPackage("io.khabar.text..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.khabar.text..")
                .because("every module may use them, so they may use nothing").check(classes);
    }

    @Test
    void logicModulesImportNoFrameworkAndNoService() {
        noClasses().that().resideInAnyPackage(LOGIC).should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("pure-logic modules run in a service, a tool or a test alike").check(classes);
        noClasses().that().resideInAnyPackage(LOGIC).should().dependOnClassesThat()
                .resideInAnyPackage(concat(SERVICES, "io.khabar.messaging..", "io.khabar.http.."))
                .because("services use the logic, never the other way round").check(classes);
    }

    @Test
    void storeReadsTheMatchingLayerWithoutTheNormalizer() {
        noClasses().that().resideInAPackage("io.khabar.store..").should().dependOnClassesThat()
                .resideInAPackage("io.khabar.normalize..")
                .because("store computes the search form with the matching module alone").check(classes);
    }

    @Test
    void noServiceImportsAnother() {
        for (String service : SERVICES) {
            String[] others = java.util.Arrays.stream(SERVICES).filter(s -> !s.equals(service)).toArray(String[]::new);
            noClasses().that().resideInAPackage(service).should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("services talk through topics and HTTP only").check(classes);
        }
    }

    @Test
    void runtimeCodeReachesNoToolAndNoTestSupport() {
        noClasses().that().resideInAnyPackage(RUNTIME).should().dependOnClassesThat().resideInAnyPackage(TOOLS)
                .because("benchmarks, the local runner and test support stay out of what ships").check(classes);
    }

    @Test
    void mainMethodsLiveInToolModules() {
        methods().that().haveName("main").and().areStatic().and().haveModifier(JavaModifier.PUBLIC)
                .should().beDeclaredInClassesThat().resideInAnyPackage(concat(TOOLS, "io.khabar.tools.."))
                .because("training, evaluation, build and benchmark tools are not runtime code").check(classes);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
