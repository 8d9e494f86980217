package pk.hifazat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules' boundaries, checked by the build: no cycles, no reach into another module's
 * internals. The diagram in docs/modules is written from the same model.
 */
class ModuleBoundariesTest {

  static final ApplicationModules MODULES = ApplicationModules.of(HifazatApplication.class);

  @Test
  void modulesDependOnEachOtherOnlyThroughTheirPublicApi() {
    MODULES.verify();
  }

  @Test
  void moduleDiagramIsWrittenFromTheVerifiedModel() {
    new Documenter(MODULES, "docs/modules")
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
  }
}
