package fi.osaava.profile.internal.cv;

import fi.osaava.platform.Language;
import fi.osaava.platform.NotFoundException;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.internal.CompetenceProfile;
import fi.osaava.profile.internal.ExperienceInput;
import fi.osaava.profile.internal.cv.CvSplitter.CvEntry;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A CV upload: the file is read ({@link CvReader}) and split into entries ({@link CvSplitter})
 * outside any transaction, then the entries and the engine's suggestions for them are stored in one
 * transaction, so an upload either adds all its entries or none. The file itself is not kept.
 */
@Service
public class CvImports {

  private final CvReader reader;
  private final CompetenceProfile competence;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  CvImports(
      CvReader reader,
      CompetenceProfile competence,
      JdbcClient jdbc,
      TransactionTemplate transactions) {
    this.reader = reader;
    this.competence = competence;
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /** One upload as its page shows it. */
  public record CvImport(
      UUID id, String fileName, String mediaType, OffsetDateTime importedAt, int entries) {}

  /**
   * Reads a CV and adds its entries, each with suggested skills waiting for the person's decision.
   *
   * @param labels the language of the suggestions' labels (the page's)
   * @throws CvFileException naming the file and what is wrong with it; nothing is stored then
   */
  public CvImport importCv(PersonId person, String fileName, byte[] content, Language labels) {
    String name = displayName(fileName);
    CvReader.CvText text = reader.read(name, content);
    List<CvEntry> entries = CvSplitter.split(text.text());
    if (entries.isEmpty()) {
      throw new CvFileException(
          "noEntries",
          name,
          "no work or education entries were found (headings such as Työkokemus, Koulutus,"
              + " Arbetslivserfarenhet, Utbildning, Work experience or Education)");
    }
    List<ExperienceInput> inputs = new ArrayList<>();
    for (CvEntry e : entries) {
      String title = e.title().isBlank() ? firstWords(e.description()) : e.title();
      if (title.isBlank()) {
        continue;
      }
      inputs.add(
          new ExperienceInput(
              e.kind(), e.organisation(), title, e.start(), e.end(), e.description(), null, null));
    }
    UUID id = UUID.randomUUID();
    transactions.executeWithoutResult(
        status -> {
          jdbc.sql(
                  "INSERT INTO profile_cv_import (id, person_id, file_name, media_type, language)"
                      + " VALUES (?, ?, ?, ?, ?)")
              .params(id, person.value(), name, text.type().toString(), labels.code())
              .update();
          competence.addImported(person, id, inputs, labels);
        });
    return find(person, id);
  }

  /** The person's uploads, newest first (for the export of their data). */
  public List<CvImport> all(PersonId person) {
    return jdbc.sql(
            "SELECT i.id, i.file_name, i.media_type, i.imported_at,"
                + " (SELECT count(*) FROM profile_experience e WHERE e.cv_import_id = i.id)"
                + " FROM profile_cv_import i WHERE i.person_id = ? ORDER BY i.imported_at DESC, i.id")
        .param(person.value())
        .query(
            (rs, row) ->
                new CvImport(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4, OffsetDateTime.class),
                    rs.getInt(5)))
        .list();
  }

  /** One of the person's uploads. */
  public CvImport find(PersonId person, UUID id) {
    return jdbc.sql(
            "SELECT i.id, i.file_name, i.media_type, i.imported_at,"
                + " (SELECT count(*) FROM profile_experience e WHERE e.cv_import_id = i.id)"
                + " FROM profile_cv_import i WHERE i.person_id = ? AND i.id = ?")
        .params(person.value(), id)
        .query(
            (rs, row) ->
                new CvImport(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4, OffsetDateTime.class),
                    rs.getInt(5)))
        .optional()
        .orElseThrow(() -> new NotFoundException("No such CV upload in your profile: " + id));
  }

  /** A file name safe to show and store: no path, no control characters, not too long. */
  static String displayName(String fileName) {
    String name = fileName == null ? "" : fileName;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("\\p{Cntrl}", "").strip();
    if (name.isEmpty()) {
      return "CV";
    }
    return name.length() > 120 ? name.substring(0, 120) : name;
  }

  private static String firstWords(String text) {
    String line = text.lines().findFirst().orElse("").strip();
    return line.length() > 80 ? line.substring(0, 80) + "…" : line;
  }
}
