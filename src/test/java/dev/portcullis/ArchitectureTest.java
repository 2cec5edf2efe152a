package dev.portcullis;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.portcullis.backend.Backend;
import dev.portcullis.backend.definitions.DefinitionFileIo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The import directions of ARCHITECTURE.md section 1. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.portcullis");
    }

    @Test
    void theCoreNeverTouchesJavaFx() {
        noClasses().that().resideInAnyPackage("dev.portcullis.domain..", "dev.portcullis.review..",
                        "dev.portcullis.backend..", "dev.portcullis.files..", "dev.portcullis.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(classes);
    }

    @Test
    void theDomainDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("dev.portcullis.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.portcullis.review..",
                        "dev.portcullis.backend..", "dev.portcullis.files..", "dev.portcullis.cli..",
                        "dev.portcullis.ui..")
                .check(classes);
    }

    @Test
    void reviewDependsOnlyOnTheDomain() {
        noClasses().that().resideInAPackage("dev.portcullis.review..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.portcullis.backend..",
                        "dev.portcullis.files..", "dev.portcullis.cli..", "dev.portcullis.ui..")
                .allowEmptyShould(true) // the review package arrives with offline review; the rule waits for it
                .check(classes);
    }

    @Test
    void filesDependOnlyOnTheDomain() {
        noClasses().that().resideInAPackage("dev.portcullis.files..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.portcullis.review..",
                        "dev.portcullis.backend..", "dev.portcullis.cli..", "dev.portcullis.ui..")
                .check(classes);
    }

    @Test
    void backendsDependOnFilesAndTheDomainOnly() {
        noClasses().that().resideInAPackage("dev.portcullis.backend..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.portcullis.review..",
                        "dev.portcullis.cli..", "dev.portcullis.ui..")
                .check(classes);
    }

    @Test
    void theConsoleTalksToBackendsReviewAndTheDomainOnly() {
        noClasses().that().resideInAPackage("dev.portcullis.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.portcullis.files..", "dev.portcullis.cli..")
                .check(classes);
    }

    @Test
    void nothingButMainUsesTheConsole() {
        noClasses().that().resideOutsideOfPackage("dev.portcullis.ui..")
                .and().doNotHaveFullyQualifiedName("dev.portcullis.Main")
                .should().dependOnClassesThat().resideInAPackage("dev.portcullis.ui..")
                .check(classes);
    }

    /**
     * View models and what they are made of (rows, requests, questions, catalogs, the commands that ask) are
     * tested without a toolkit: none of them may touch the scene graph or a window.
     */
    @Test
    void modelLikeClassesNeverTouchTheSceneGraph() {
        noClasses().that().resideInAPackage("dev.portcullis.ui..")
                .and().haveNameMatching(".*\\.\\w*(ViewModel|Model|Request|Question|Row|Commands|Guard|Preview"
                        + "|Conflict|Catalog|Changes|Search|Watch|ProjectLoader|Writes|Actions|Facts|Reach|Use|Places?)(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(classes);
    }

    @Test
    void noConsoleClassNamesAConcreteBackend() {
        noClasses().that().resideInAPackage("dev.portcullis.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.portcullis.backend.neutron..",
                        "dev.portcullis.backend.workspace..", "dev.portcullis.backend.openstack..",
                        "dev.portcullis.backend.offline..")
                .orShould().dependOnClassesThat().implement(Backend.class)
                .orShould().dependOnClassesThat().belongToAnyOf(DefinitionFileIo.class)
                .check(classes);
    }

    @Test
    void backendImplementationsLiveInTheBackend() {
        classes().that().implement(Backend.class)
                .should().resideInAPackage("dev.portcullis.backend..")
                .check(classes);
    }

    @Test
    void backendImplementationsStayApart() {
        noClasses().that().resideInAPackage("dev.portcullis.backend.workspace..")
                .should().dependOnClassesThat().resideInAPackage("dev.portcullis.backend.neutron..")
                .check(classes);
        classes().that().resideInAPackage("dev.portcullis.backend.neutron..")
                .should().onlyDependOnClassesThat().resideOutsideOfPackage("dev.portcullis.backend.workspace..")
                .check(classes);
    }

    @Test
    void theDomainAndTheReviewReadNoFileAndSpeakNoJsonOrHttp() {
        noClasses().that().resideInAnyPackage("dev.portcullis.domain..", "dev.portcullis.review..")
                .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net..",
                        "com.fasterxml..", "org.yaml..")
                .orShould().dependOnClassesThat().haveNameMatching("java\\.io\\.(File|Reader|Writer|InputStream|OutputStream)\\w*")
                .check(classes);
    }

    @Test
    void theShellIsTheTopOfTheConsole() {
        noClasses().that().resideInAPackage("dev.portcullis.ui..")
                .and().resideOutsideOfPackage("dev.portcullis.ui.shell..")
                .should().dependOnClassesThat().resideInAPackage("dev.portcullis.ui.shell..")
                .check(classes);
    }

    @Test
    void whatFeaturesShareImportsNoFeature() {
        noClasses().that().resideInAPackage("dev.portcullis.ui.common..")
                .should().dependOnClassesThat(resideInAPackage("dev.portcullis.ui..")
                        .and(resideOutsideOfPackage("dev.portcullis.ui.common..")))
                .check(classes);
    }

    @Test
    void theConsolesRoomsDoNotLeanOnEachOtherInACircle() {
        slices().matching("dev.portcullis.ui.(*)..").should().beFreeOfCycles().check(classes);
    }
}
