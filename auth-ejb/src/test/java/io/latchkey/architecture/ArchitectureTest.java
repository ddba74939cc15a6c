package io.latchkey.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

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
 * The layout holds itself: a capability reaches another only through its root package, and the
 * single sign-on module (auth-sso) knows nothing of the capabilities. Read from the compiled
 * classes, so a fully qualified name or a static import counts as much as an import line. (Freedom
 * from cycles between capabilities does not hold yet: config produces every capability's settings
 * and the audit and token capabilities are used both ways; issue 14's split comes first.)
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

    /** io.latchkey.token.internal -> token */
    private static String capability(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length > 2 ? parts[2] : "";
    }
}
