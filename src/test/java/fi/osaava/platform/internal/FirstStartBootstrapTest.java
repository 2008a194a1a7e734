package fi.osaava.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.platform.DatasetImporter;
import fi.osaava.platform.Directories;
import fi.osaava.platform.ImportProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.DefaultApplicationArguments;

/** The bootstrap runs importers in order, once, and only when their input is there. */
class FirstStartBootstrapTest {

  @TempDir Path temp;
  private final List<String> calls = new ArrayList<>();

  /** An importer that records what the bootstrap asked of it. */
  private final class RecordingImporter implements DatasetImporter {
    private final String name;
    private final int order;
    private boolean imported;
    private final boolean hasInput;

    RecordingImporter(String name, int order, boolean imported, boolean hasInput) {
      this.name = name;
      this.order = order;
      this.imported = imported;
      this.hasInput = hasInput;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public int order() {
      return order;
    }

    @Override
    public boolean isImported() {
      return imported;
    }

    @Override
    public boolean hasInput(Path referenceData) {
      return hasInput;
    }

    @Override
    public void importFrom(Path referenceData, ImportProgress progress) {
      calls.add(name + " from " + referenceData.getFileName());
      progress.report("working");
      imported = true;
    }
  }

  @Test
  void importsMissingDatasetsInOrderAndNothingOnTheNextStart() throws Exception {
    Path data = Files.createDirectories(temp.resolve("data"));
    RecordingImporter education = new RecordingImporter("education", 10, false, true);
    RecordingImporter esco = new RecordingImporter("esco", 0, false, true);
    RecordingImporter done = new RecordingImporter("regions", 5, true, true);
    RecordingImporter absent = new RecordingImporter("jobs", 20, false, false);
    var bootstrap =
        new FirstStartBootstrap(
            List.of(education, esco, done, absent),
            new Directories(temp.resolve("home"), Optional.of(data)));

    bootstrap.run(new DefaultApplicationArguments());
    assertThat(calls).containsExactly("esco from data", "education from data");

    calls.clear();
    bootstrap.run(new DefaultApplicationArguments());
    assertThat(calls).isEmpty();
  }

  @Test
  void withoutADataDirectoryNothingIsImportedAndTheStartGoesOn() throws Exception {
    RecordingImporter esco = new RecordingImporter("esco", 0, false, true);
    var bootstrap = new FirstStartBootstrap(List.of(esco), new Directories(temp, Optional.empty()));

    bootstrap.run(new DefaultApplicationArguments());

    assertThat(calls).isEmpty();
    assertThat(esco.isImported()).isFalse();
  }
}
