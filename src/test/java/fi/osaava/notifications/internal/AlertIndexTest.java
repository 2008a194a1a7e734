package fi.osaava.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reverse matcher: word stems, facets (AND between, OR within), anchors for every kind. */
class AlertIndexTest {

  @Test
  void findsTheSearchesAnItemMatchesAndNoOthers() {
    AlertIndex<String> index = new AlertIndex<>();
    index.add("python", SavedQuery.of("Python", Map.of()));
    index.add("python-online", SavedQuery.of("python", Map.of("mode", Set.of("ONLINE"))));
    index.add(
        "ohjelmointi-tampere", SavedQuery.of("ohjelmointi", Map.of("location", Set.of("837"))));
    index.add("online-only", SavedQuery.of("", Map.of("mode", Set.of("ONLINE", "BLENDED"))));
    index.add("everything", SavedQuery.of("", Map.of()));
    index.add("java", SavedQuery.of("java ohjelmointi", Map.of()));
    index.add("it", SavedQuery.of("IT", Map.of()));

    AlertIndex.Item course =
        AlertIndex.Item.of(
            "Pythonin ohjelmoinnin perusteet (IT)",
            Map.of("mode", Set.of("ONLINE"), "location", Set.of("online")));
    assertThat(index.matches(course))
        .containsExactlyInAnyOrder("python", "python-online", "online-only", "everything", "it");

    AlertIndex.Item tampere =
        AlertIndex.Item.of(
            "Ohjelmointia Tampereella",
            Map.of("mode", Set.of("ON_SITE"), "location", Set.of("837")));
    assertThat(index.matches(tampere))
        .containsExactlyInAnyOrder("ohjelmointi-tampere", "everything");
  }

  @Test
  void aSearchAnchoredOnAShortWordStillFindsLongerOnes() {
    AlertIndex<String> index = new AlertIndex<>();
    index.add("sql", SavedQuery.of("sql", Map.of()));
    assertThat(index.matches(AlertIndex.Item.of("SQL-kyselyt", Map.of()))).containsExactly("sql");
    assertThat(index.matches(AlertIndex.Item.of("sqlite-tietokannat", Map.of())))
        .containsExactly("sql");
    assertThat(index.matches(AlertIndex.Item.of("nosql", Map.of()))).isEmpty();
  }
}
