package fi.osaava.taxonomy.internal.web;

import fi.osaava.ReferenceData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Expected values read straight from the published ESCO CSV files, so that tests compare what the
 * API and pages show with the source data rather than with numbers copied into the test.
 */
final class EscoFixture {

  private static final String CLASSIFICATION = "official/esco-v1.1.1-classification-en-csv.zip";
  private static final String RELATIONS = "official/esco-v1.1.1-relations-csv.zip";

  private EscoFixture() {}

  /** One occupation–skill row of {@code occupationSkillRelations.csv}. */
  record OccupationSkill(String occupation, String skill, String relation) {}

  /** A concept and one of its labels. */
  record Labelled(String uri, String label) {}

  static List<OccupationSkill> occupationSkills() {
    List<OccupationSkill> rows = new ArrayList<>();
    ReferenceData.readEscoZip(
        RELATIONS,
        "occupationSkillRelations.csv",
        r ->
            rows.add(
                new OccupationSkill(
                    r.required("occupationUri"),
                    r.required("skillUri"),
                    r.required("relationType"))));
    return rows;
  }

  /** The first skill of the Finnish skills file that has a Finnish preferred label. */
  static Labelled firstFinnishSkill() {
    List<Labelled> found = new ArrayList<>();
    ReferenceData.readCsv(
        ReferenceData.esco().resolve("fi/skills_fi.csv"),
        r -> {
          if (found.isEmpty() && r.text("preferredLabel") != null) {
            found.add(new Labelled(r.required("conceptUri"), r.required("preferredLabel")));
          }
        });
    return found.getFirst();
  }

  /** Finnish preferred labels by URI, from one of the Finnish files. */
  static Map<String, String> finnishLabels(String file) {
    Map<String, String> labels = new HashMap<>();
    ReferenceData.readCsv(
        ReferenceData.esco().resolve("fi").resolve(file),
        r -> {
          if (r.text("preferredLabel") != null) {
            labels.put(r.required("conceptUri"), r.required("preferredLabel"));
          }
        });
    return labels;
  }

  /** The English preferred label of a concept in the classification package's file. */
  static String englishLabel(String file, String uri) {
    List<String> found = new ArrayList<>();
    ReferenceData.readEscoZip(
        CLASSIFICATION,
        file,
        r -> {
          if (uri.equals(r.get("conceptUri"))) {
            found.add(r.required("preferredLabel"));
          }
        });
    if (found.isEmpty()) {
      throw new IllegalStateException(uri + " is not in " + file);
    }
    return found.getFirst();
  }

  /** Number of data rows in one file of the classification package, such as a collection. */
  static int rowCount(String file) {
    int[] count = {0};
    ReferenceData.readEscoZip(CLASSIFICATION, file, r -> count[0]++);
    return count[0];
  }

  /** The concept URIs of one file of the classification package. */
  static List<String> uris(String file) {
    List<String> uris = new ArrayList<>();
    ReferenceData.readEscoZip(CLASSIFICATION, file, r -> uris.add(r.required("conceptUri")));
    return uris;
  }

  /** The {@code conceptUri → broaderUri} rows of the occupation pillar's hierarchy. */
  static List<String[]> occupationPillarBroader() {
    List<String[]> rows = new ArrayList<>();
    ReferenceData.readEscoZip(
        RELATIONS,
        "broaderRelationsOccPillar.csv",
        r -> rows.add(new String[] {r.required("conceptUri"), r.required("broaderUri")}));
    return rows;
  }
}
