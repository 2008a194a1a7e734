package fi.osaava;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class SystemPackagesTest {

  @Test
  void aMissingPackageFailsUnderCi() {
    assertThatThrownBy(() -> SystemPackages.require(false, "Voikko (voikko-fi)", true))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("Voikko (voikko-fi) is missing");
  }

  @Test
  void aMissingPackageSkipsElsewhere() {
    assertThatThrownBy(() -> SystemPackages.require(false, "Voikko (voikko-fi)", false))
        .isInstanceOf(TestAbortedException.class);
  }

  @Test
  void aPresentPackageNeitherFailsNorSkips() {
    assertThatCode(() -> SystemPackages.require(true, "Voikko (voikko-fi)", true))
        .doesNotThrowAnyException();
  }
}
