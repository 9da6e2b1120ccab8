package com.bourse.ui;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The views' room, checked by the build: views, controllers and view models talk only to the ports
 * ({@code com.bourse.ui.port}) and the protocol's types, never to the engine, the cluster, SQL or Aeron, so the
 * same windows serve the simulation and the production engine.
 */
@AnalyzeClasses(packages = "com.bourse.ui", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

    @ArchTest
    static final ArchRule viewsNeverTouchTheEngineOrTheCluster = noClasses().that().resideInAPackage("com.bourse.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("com.bourse.engine..", "com.bourse.cluster..",
                    "com.bourse.backoffice..", "com.bourse.app..");

    @ArchTest
    static final ArchRule viewsNeverTouchSql = noClasses().that().resideInAPackage("com.bourse.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.jooq..", "org.h2..");

    @ArchTest
    static final ArchRule viewsNeverTalkAeron = noClasses().that().resideInAPackage("com.bourse.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("io.aeron..", "org.agrona..");
}
