package com.bourse.backoffice;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The back office's room, checked by the build: store, security, audit and import/export are headless, so a
 * server, a command-line tool or a test runs them without a display.
 */
@AnalyzeClasses(packages = "com.bourse.backoffice", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

    @ArchTest
    static final ArchRule backOfficeNeverTouchesJavaFx = noClasses().that().resideInAPackage("com.bourse.backoffice..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..");

    @ArchTest
    static final ArchRule backOfficeNeverReachesIntoTheDesktop = noClasses().that()
            .resideInAPackage("com.bourse.backoffice..")
            .should().dependOnClassesThat().resideInAnyPackage("com.bourse.ui..", "com.bourse.app..");
}
