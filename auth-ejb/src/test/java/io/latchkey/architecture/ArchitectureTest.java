package io.latchkey.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The layout holds itself: a capability reaches another only through its root package, the single
 * sign-on module (auth-sso) knows nothing of the capabilities, {@code config} knows none of them,
 * and no two capabilities depend on each other, however indirectly. Read from the compiled classes, so
 * a fully qualified name or a static import counts as much as an import line.
 */
@AnalyzeClasses(packages = "io.latchkey", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noCapabilityReachesIntoAnothersInternals = classes().that().resideInAPackage("io.latchkey..")
            .should(new ArchCondition<JavaClass>("not depend on another capability's internal package") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        String target = dependency.getTargetClass().getPackageName();
                        if (target.startsWith("io.latchkey.") && target.contains(".internal")
                                && !capability(target).equals(capability(origin.getPackageName()))) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            });

    @ArchTest
    static final ArchRule theSingleSignOnModuleKnowsNoCapability = classes().that().resideInAPackage("io.latchkey.sso..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("io.latchkey..").or(resideInAPackage("io.latchkey.sso..")));

    /**
     * Settings are read by {@code config} and owned by each capability: a capability produces its
     * own settings record, so {@code config} depends on none of them and all of them may depend on
     * it.
     */
    @ArchTest
    static final ArchRule configImportsNoCapability = classes().that().resideInAPackage("io.latchkey.config..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("io.latchkey..")
                    .or(resideInAPackage("io.latchkey.config..")));

    /**
     * No cycle between capabilities (or the neutral packages beside them: config, request, time,
     * rejection, storage, vault), however long: each may be understood and changed by reading only
     * what lies below it.
     */
    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("io.latchkey.(*)..")
            .should().beFreeOfCycles();

    /**
     * Verification is plain Java that anyone can build a verifier from: no EJB, no JPA, and nothing
     * of issuing, sessions or the single sign-on host (which all build on it).
     */
    @ArchTest
    static final ArchRule verificationNeedsNoContainerAndNothingBuiltOnIt = noClasses().that().resideInAPackage("io.latchkey.token..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ejb..", "jakarta.persistence..",
                    "io.latchkey.session..", "io.latchkey.signing..", "io.latchkey.ssohost..");

    /** io.latchkey.session.internal -> session */
    private static String capability(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length > 2 ? parts[2] : "";
    }
}
