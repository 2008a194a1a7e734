package fi.osaava.taxonomy.internal.search;

import static fi.osaava.taxonomy.internal.search.LabelAutocompleteContract.labels;
import static fi.osaava.taxonomy.internal.search.LabelAutocompleteContract.preferred;
import static fi.osaava.taxonomy.internal.search.LabelAutocompleteContract.uris;
import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.platform.Language;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.Suggestion;
import fi.osaava.taxonomy.internal.ConceptAutocomplete;
import fi.osaava.web.WebTestBase;
import jakarta.persistence.EntityManagerFactory;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hibernate.search.backend.lucene.LuceneBackend;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link LabelAutocompleteContract} on Lucene, in the shared test context with the real ESCO 1.1.1
 * import, whose event built the index; plus what only Voikko gives: Finnish compound parts.
 */
class LabelIndexAutocompleteTest extends WebTestBase implements LabelAutocompleteContract {

  @Autowired ConceptAutocomplete autocomplete;
  @Autowired JdbcTemplate jdbc;
  @Autowired EntityManagerFactory entityManagerFactory;

  @Override
  public ConceptAutocomplete autocomplete() {
    return autocomplete;
  }

  @Override
  public JdbcTemplate jdbc() {
    return jdbc;
  }

  @Test
  void theLabelIndexIsLuceneHere() {
    assertThat(Search.mapping(entityManagerFactory).backend().unwrap(LuceneBackend.class))
        .isNotNull();
  }

  @Test
  void finnishFindsInflectedFormsAndCompoundParts() {
    ConceptUri programming = preferred(jdbc, "fi", "tietokoneohjelmointi");
    Set<ConceptType> skills = EnumSet.of(ConceptType.SKILL);

    List<Suggestion> base = autocomplete.suggest("ohjelmointi", Language.FI, skills, 30);
    // "ohjelmointi" is only the last part of the compound "tietokoneohjelmointi".
    assertThat(uris(base)).contains(programming);
    assertThat(base)
        .allSatisfy(
            s -> assertThat(s.matchedLabel().toLowerCase(Locale.ROOT)).contains("ohjelmoi"));
    assertThat(base).allSatisfy(s -> assertThat(s.label().language()).isEqualTo(Language.FI));

    // The partitive and a still-unfinished word find it too.
    assertThat(uris(autocomplete.suggest("ohjelmointia", Language.FI, skills, 30)))
        .contains(programming);
    assertThat(uris(autocomplete.suggest("ohjelmoin", Language.FI, skills, 30)))
        .contains(programming);
    // "käyttää logiikkaohjelmointia": a partitive compound found through its part's lemma.
    assertThat(labels(autocomplete.suggest("ohjelmointi", Language.FI, skills, 50)))
        .contains("käyttää logiikkaohjelmointia");
  }

  @Test
  void finnishCompoundPartInTheMiddleOfALabel() {
    ConceptUri riskManagement = preferred(jdbc, "fi", "yritysten riskienhallinta");

    assertThat(uris(autocomplete.suggest("hallinta", Language.FI, ALL, 50)))
        .contains(riskManagement);
    assertThat(uris(autocomplete.suggest("riskienhallinnan", Language.FI, ALL, 5)))
        .contains(riskManagement);
  }
}
