package io.latchkey.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.UserTransaction;

/**
 * The web module translates HTTP to capability calls and back: one use case is one transaction on
 * a capability's service, so nothing here opens, joins or holds one, and nothing here reaches into
 * a capability's internal package.
 */
@AnalyzeClasses(packages = "io.latchkey.web", importOptions = ImportOption.DoNotIncludeTests.class)
class WebLayerTest {

    @ArchTest
    static final ArchRule opensNoTransactions = noClasses().that().resideInAPackage("io.latchkey.web..")
            .should().beAnnotatedWith(Stateless.class)
            .orShould().beAnnotatedWith(jakarta.ejb.Singleton.class)
            .orShould().beAnnotatedWith(TransactionAttribute.class)
            .orShould().beAnnotatedWith(Transactional.class)
            .orShould().dependOnClassesThat().areAssignableTo(EntityManager.class)
            .orShould().dependOnClassesThat().areAssignableTo(UserTransaction.class);

    @ArchTest
    static final ArchRule noMethodAsksForATransaction = noMethods().that().areDeclaredInClassesThat().resideInAPackage("io.latchkey.web..")
            .should().beAnnotatedWith(TransactionAttribute.class).orShould().beAnnotatedWith(Transactional.class);

    @ArchTest
    static final ArchRule usesCapabilitiesThroughTheirRootPackages = noClasses().that().resideInAPackage("io.latchkey.web..")
            .should().dependOnClassesThat().resideInAPackage("io.latchkey..internal..");
}
