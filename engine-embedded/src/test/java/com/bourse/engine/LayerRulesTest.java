package com.bourse.engine;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The engine's room, checked by the build: matching, risk and ledger code knows nothing of windows, SQL or the
 * cluster's transport, and only the hosting package ({@code com.bourse.engine.host}: journal, snapshots) touches
 * files, so the engine stays a pure state machine that any hosting can run.
 */
@AnalyzeClasses(packages = "com.bourse.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

    private static final DescribedPredicate<JavaClass> FILE_IO = resideInAPackage("java.nio.file..")
            .or(resideInAPackage("java.io").and(simpleNameStartingWith("File")))
            .or(type(java.io.RandomAccessFile.class))
            .or(type(java.nio.channels.FileChannel.class))
            .as("are file I/O (java.nio.file, java.io.File*, RandomAccessFile, FileChannel)");

    @ArchTest
    static final ArchRule engineNeverTouchesJavaFx = noClasses().that().resideInAPackage("com.bourse.engine..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule engineNeverTouchesSql = noClasses().that().resideInAPackage("com.bourse.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.jooq..", "org.h2..");

    @ArchTest
    static final ArchRule engineNeverTalksAeron = noClasses().that().resideInAPackage("com.bourse.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("io.aeron..");

    @ArchTest
    static final ArchRule onlyTheHostingPackageTouchesFiles = noClasses().that()
            .resideInAPackage("com.bourse.engine..").and().resideOutsideOfPackage("com.bourse.engine.host..")
            .should().dependOnClassesThat(FILE_IO);

    @ArchTest
    static final ArchRule engineNeverReachesIntoTheCluster = noClasses().that().resideInAPackage("com.bourse.engine..")
            .should().dependOnClassesThat(resideInAnyPackage("com.bourse.cluster..", "com.bourse.backoffice..",
                    "com.bourse.ui..", "com.bourse.app.."));
}
