package io.latchkey.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.Slice;

/**
 * The layout holds itself: a capability reaches another only through its root package, and the
 * single sign-on module (auth-sso) knows nothing of the capabilities. Read from the compiled
 * classes, so a fully qualified name or a static import counts as much as an import line. (Freedom
 * from cycles between all capabilities does not hold yet, as config produces most capabilities'
 * settings; it holds among the packages split out of token: session, signing, token, ssohost.)
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
     * Verification is plain Java that anyone can build a verifier from: no EJB, no JPA, and nothing
     * of issuing, sessions or the single sign-on host (which all build on it).
     */
    @ArchTest
    static final ArchRule verificationNeedsNoContainerAndNothingBuiltOnIt = noClasses().that().resideInAPackage("io.latchkey.token..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ejb..", "jakarta.persistence..",
                    "io.latchkey.session..", "io.latchkey.signing..", "io.latchkey.ssohost..");

    /** What issue 14 split out of io.latchkey.token, with verification at the bottom. */
    private static final Set<String> TOKEN_SPLIT = Set.of("session", "signing", "token", "ssohost");

    /**
     * No cycle among the packages split out of io.latchkey.token: verification at the bottom, then
     * signing, then sessions, then the single sign-on host. (Freedom from cycles across every
     * capability is a rule of its own once config no longer produces every capability's settings.)
     */
    @ArchTest
    static final ArchRule noCycleAmongSessionSigningVerificationAndTheSingleSignOnHost = slices()
            .matching("io.latchkey.(*)..")
            .that(new DescribedPredicate<Slice>("are " + TOKEN_SPLIT) {
                @Override
                public boolean test(Slice slice) {
                    return TOKEN_SPLIT.contains(slice.getNamePart(1));
                }
            })
            .should().beFreeOfCycles();

    /** io.latchkey.session.internal -> session */
    private static String capability(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length > 2 ? parts[2] : "";
    }
}
