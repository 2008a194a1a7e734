package fi.osaava.taxonomy.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.platform.Directories;
import fi.osaava.web.WebTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.PlatformTransactionManager;

class LabelIndexLifecycleTest extends WebTestBase {

  private static final String ROOT =
      "spring.jpa.properties.hibernate.search.backend.directory.root";
  private static final String TYPE =
      "spring.jpa.properties.hibernate.search.backend.directory.type";

  @Autowired LabelIndexAutocomplete index;
  @Autowired LabelIndexState state;
  @Autowired JdbcClient jdbc;
  @Autowired Directories directories;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void theImportEventBuiltTheIndexFromEveryRowOfTheView() {
    Long rows = jdbc.sql("select count(*) from taxonomy_search_label").query(Long.class).single();
    Long current =
        jdbc.sql(
                """
            select count(*) from taxonomy_label l join taxonomy_concept c on c.uri = l.concept_uri
            where not c.obsolete and l.language in ('fi', 'sv', 'en', 'no')""")
            .query(Long.class)
            .single();

    assertThat(rows).isEqualTo(current).isGreaterThan(180_000);
    assertThat(index.documentCount()).isEqualTo(rows);
    assertThat(state.staleness(index.documentCount())).isEmpty();
  }

  @Test
  void markerFileTellsWhichImportTheIndexWasBuiltFrom(@TempDir Path root) throws Exception {
    LabelIndexState onDisk =
        new LabelIndexState(
            jdbc,
            transactions,
            new MockEnvironment().withProperty(ROOT, root.toString()),
            directories);
    long latest = onDisk.latestImportId();
    assertThat(latest).isPositive();

    assertThat(onDisk.staleness(0)).hasValueSatisfying(r -> assertThat(r).contains("empty"));
    assertThat(onDisk.staleness(10)).hasValueSatisfying(r -> assertThat(r).contains("no record"));

    onDisk.rebuild(() -> {});
    Path marker = root.resolve("taxonomy-label.marker");
    assertThat(marker).content().contains("import=" + latest, "format=" + LabelIndexState.FORMAT);
    assertThat(onDisk.staleness(10)).isEmpty();
    // A restart reads the file.
    LabelIndexState restarted =
        new LabelIndexState(
            jdbc,
            transactions,
            new MockEnvironment().withProperty(ROOT, root.toString()),
            directories);
    assertThat(restarted.staleness(10)).isEmpty();

    Files.writeString(marker, "format=" + LabelIndexState.FORMAT + "\nimport=" + (latest - 1));
    assertThat(restarted.staleness(10))
        .hasValueSatisfying(r -> assertThat(r).contains("latest is " + latest));

    Files.writeString(marker, "format=" + (LabelIndexState.FORMAT - 1) + "\nimport=" + latest);
    assertThat(restarted.staleness(10))
        .hasValueSatisfying(r -> assertThat(r).contains("analysis changed"));

    Files.writeString(marker, "import=not a number");
    assertThat(restarted.staleness(10)).isPresent();
  }

  @Test
  void anInMemoryIndexKeepsItsMarkerInMemory(@TempDir Path root) {
    LabelIndexState inMemory =
        new LabelIndexState(
            jdbc,
            transactions,
            new MockEnvironment()
                .withProperty(TYPE, "local-heap")
                .withProperty(ROOT, root.toString()),
            directories);

    assertThat(inMemory.staleness(10)).isPresent();
    inMemory.rebuild(() -> {});
    assertThat(inMemory.staleness(10)).isEmpty();
    assertThat(inMemory.staleness(0)).isPresent();
    assertThat(root).isEmptyDirectory();
  }

  /**
   * In OpenSearch every node shares the index, so the marker is a database row that every node
   * reads, and a rebuild rechecks under the cluster-wide lock whether it is still needed.
   */
  @Test
  void aSharedIndexKeepsItsMarkerInTheDatabase(@TempDir Path root) {
    MockEnvironment openSearch =
        new MockEnvironment()
            .withProperty("osaava.taxonomy.search.backend", "OpenSearch")
            .withProperty(ROOT, root.toString());
    LabelIndexState shared = new LabelIndexState(jdbc, transactions, openSearch, directories);
    long latest = shared.latestImportId();
    try {
      assertThat(shared.staleness(10)).hasValueSatisfying(r -> assertThat(r).contains("no record"));

      List<String> builds = new ArrayList<>();
      shared.rebuildIf(() -> false, () -> builds.add("not needed"));
      shared.rebuild(() -> builds.add("built"));
      assertThat(builds).containsExactly("built");
      assertThat(
              jdbc.sql(
                      "select format, import_id from taxonomy_label_index_state"
                          + " where index_name = 'taxonomy-label'")
                  .query((rs, row) -> List.of(rs.getLong(1), rs.getLong(2)))
                  .single())
          .containsExactly((long) LabelIndexState.FORMAT, latest);
      assertThat(root).as("no marker file").isEmptyDirectory();

      LabelIndexState otherNode = new LabelIndexState(jdbc, transactions, openSearch, directories);
      assertThat(otherNode.staleness(10)).isEmpty();
      otherNode.rebuildIf(() -> otherNode.staleness(10).isPresent(), () -> builds.add("again"));
      assertThat(builds).containsExactly("built");

      jdbc.sql("update taxonomy_label_index_state set import_id = import_id - 1").update();
      assertThat(otherNode.staleness(10))
          .hasValueSatisfying(r -> assertThat(r).contains("latest is " + latest));
    } finally {
      jdbc.sql("delete from taxonomy_label_index_state").update();
    }
  }
}
