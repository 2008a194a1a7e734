package fi.osaava.education.internal.importer;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.education.EducationImportReport.RecordError;
import fi.osaava.platform.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Konfo reader skips malformed lines and names their line and field; the rest is read. */
class KonfoReaderTest {

  @Test
  void malformedLinesAreReportedWithLineAndField(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("konfo-test.jsonl");
    Files.writeString(
        file,
        String.join(
            "\n",
            "{\"oid\": \"1.2.3\", \"nimi\": {\"fi\": \"Sairaanhoitaja (AMK)\"}, \"kuvaus\":"
                + " {\"fi\": \"<p>Hoitotyö &amp; <b>potilas</b></p>\"}, \"nqf\": \"nqf_6\","
                + " \"toteutukset\": [{\"kunnat\": [{\"koodiUri\": \"kunta_91\", \"nimi\":"
                + " {\"fi\": \"Helsinki\"}}]}]}",
            "{not json",
            "{\"nimi\": {\"fi\": \"Ei tunnistetta\"}}",
            "{\"oid\": \"1.2.4\", \"nimi\": {\"fi\": \"X\"}, \"nqf\": \"nqf_12\"}",
            "",
            "{\"oid\": \"1.2.3\", \"nimi\": {\"fi\": \"Kaksoiskappale\"}}"));
    ReadResult result = KonfoReader.read(file);
    assertThat(result.records()).hasSize(1);
    OfferingRecord record = result.records().getFirst();
    assertThat(record.title()).containsEntry(Language.FI, "Sairaanhoitaja (AMK)");
    assertThat(record.description().get(Language.FI)).isEqualTo("Hoitotyö & potilas");
    assertThat(record.implementations().getFirst().municipalityCodes()).containsExactly("091");
    assertThat(record.nqf()).isEqualTo(6);
    assertThat(result.errors())
        .extracting(RecordError::line, RecordError::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, "(line)"),
            org.assertj.core.groups.Tuple.tuple(3L, "oid"),
            org.assertj.core.groups.Tuple.tuple(4L, "nqf"),
            org.assertj.core.groups.Tuple.tuple(6L, "id"));
    assertThat(result.errors()).allMatch(e -> e.file().equals("konfo-test.jsonl"));
  }

  @Test
  void sameRecordHasTheSameHashAndId(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("konfo-a.jsonl");
    Files.writeString(file, "{\"oid\": \"1.2.3\", \"nimi\": {\"fi\": \"A\", \"sv\": \"B\"}}");
    OfferingRecord first = KonfoReader.read(file).records().getFirst();
    OfferingRecord second = KonfoReader.read(file).records().getFirst();
    assertThat(first.contentHash()).isEqualTo(second.contentHash());
    assertThat(first.id()).isEqualTo(second.id());
  }
}
