package fi.osaava.education.internal.bench;

import fi.osaava.education.EducationLevel;
import fi.osaava.education.internal.bench.EducationSearchBenchmark.MixQuery;
import fi.osaava.platform.Language;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A query mix of many distinct queries for the speed benchmark, so that no cache of results can
 * carry it: what people type, taken from the service's own vocabulary. Each query is one to three
 * consecutive words of a real (not synthetic) offering's title or of an ESCO skill's or
 * occupation's preferred label, in the reader's language (fi half of the time, sv and en a quarter
 * each; Swedish ESCO labels exist for occupations only), lower-cased. Its faceted variant filters
 * by a level drawn from the catalogue's levels and by teaching in the reader's language. The same
 * seed on the same data gives the same mix.
 */
final class EducationQueryMix {

  private EducationQueryMix() {}

  static List<MixQuery> generate(JdbcTemplate jdbc, int distinct, long seed) {
    Map<Language, List<String>> titles = new EnumMap<>(Language.class);
    Map<Language, List<String>> labels = new EnumMap<>(Language.class);
    for (Language language : List.of(Language.FI, Language.SV, Language.EN)) {
      String code = language.code();
      titles.put(
          language,
          jdbc.queryForList(
              "select distinct title_"
                  + code
                  + " from education_offering where not synthetic and title_"
                  + code
                  + " is not null order by 1",
              String.class));
      labels.put(
          language,
          jdbc.queryForList(
              "select distinct l.label from taxonomy_label l join taxonomy_concept c on c.uri ="
                  + " l.concept_uri where l.language = ? and l.kind = 'PREFERRED' and"
                  + " c.concept_type in ('SKILL', 'OCCUPATION') and not c.obsolete order by 1",
              String.class,
              code));
    }
    List<EducationLevel> levels =
        jdbc
            .queryForList(
                "select distinct level from education_offering where not synthetic order by 1",
                String.class)
            .stream()
            .map(EducationLevel::valueOf)
            .toList();
    Random random = new Random(seed);
    Set<String> seen = new LinkedHashSet<>();
    List<MixQuery> mix = new ArrayList<>();
    int attempts = 0;
    while (mix.size() < distinct && attempts++ < distinct * 50) {
      int draw = random.nextInt(4);
      Language language = draw < 2 ? Language.FI : draw == 2 ? Language.SV : Language.EN;
      List<String> source =
          random.nextBoolean() || labels.get(language).isEmpty()
              ? titles.get(language)
              : labels.get(language);
      if (source.isEmpty()) {
        continue;
      }
      String text = span(source.get(random.nextInt(source.size())), random);
      if (text.length() < 3 || !seen.add(language.code() + ":" + text)) {
        continue;
      }
      EducationLevel level = levels.get(random.nextInt(levels.size()));
      mix.add(new MixQuery(text, language, level, language.code()));
    }
    return mix;
  }

  /** One to three consecutive words of {@code label}, lower-cased, without punctuation. */
  private static String span(String label, Random random) {
    String[] words =
        label.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s-]", " ").trim().split("\\s+");
    int length = Math.min(words.length, 1 + random.nextInt(3));
    int start = random.nextInt(words.length - length + 1);
    return String.join(" ", List.of(words).subList(start, start + length));
  }
}
