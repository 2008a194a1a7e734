package fi.osaava.profile.internal.cv;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.profile.internal.ExperienceKind;
import fi.osaava.profile.internal.cv.CvSplitter.CvEntry;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Periods and entries as Finnish, Swedish and English CVs write them. */
class CvSplitterTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      nullValues = "ongoing",
      value = {
        "2015–2019 Lähihoitaja; 2015-01-01; 2019-12-31",
        "03/2018 – nyt; 2018-03-01; ongoing",
        "2019–pågående; 2019-01-01; ongoing",
        "since 2020; 2020-01-01; ongoing",
        "Sedan 2021 arbetar jag här; 2021-01-01; ongoing",
        "2020 alkaen; 2020-01-01; ongoing",
        "tammikuu 2016 – marraskuu 2018; 2016-01-01; 2018-11-30",
        "Jan 2020 – present; 2020-01-01; ongoing",
        "augusti 2012 – juni 2015; 2012-08-01; 2015-06-30",
        "1.8.2010–31.5.2013; 2010-08-01; 2013-05-31",
        "2012; 2012-01-01; 2012-12-31",
        "2017-09 – 2019-06; 2017-09-01; 2019-06-30",
        "2016 - 2020; 2016-01-01; 2020-12-31",
        "9/2019 –; 2019-09-01; ongoing"
      })
  void periodsInTheThreeLanguages(String line, LocalDate start, LocalDate end) {
    CvDates.Period period = CvDates.find(line).orElseThrow();
    assertThat(period.start()).isEqualTo(start);
    assertThat(period.end()).isEqualTo(end);
  }

  @Test
  void notAPeriod() {
    assertThat(CvDates.find("Puhelin 040 123 4567")).isEmpty();
    assertThat(CvDates.find("13/2019")).isEmpty();
    assertThat(CvDates.find("2019–2015")).isEmpty();
  }

  @Test
  void finnishCvWithTheRoleOnTheDateLine() {
    String cv =
        """
        Maija Meikäläinen
        maija@example.org, 040 123 4567

        TYÖKOKEMUS
        03/2018 – nyt Lähihoitaja, Hoivakoti Aurinko
        Avustin asukkaita päivittäisissä toimissa ja annoin lääkkeet.
        2015–2018 Kokki, Ravintola Testi
        Valmistin ruokia ja suunnittelin ruokalistoja.

        Koulutus
        2012–2015 Sosiaali- ja terveysalan perustutkinto, Tampereen ammattiopisto
        2011 Ylioppilas

        Kielitaito
        suomi äidinkieli, englanti hyvä
        """;
    List<CvEntry> entries = CvSplitter.split(cv);
    assertThat(entries).hasSize(4);
    CvEntry nurse = entries.get(0);
    assertThat(nurse.kind()).isEqualTo(ExperienceKind.WORK);
    assertThat(nurse.title()).isEqualTo("Lähihoitaja");
    assertThat(nurse.organisation()).isEqualTo("Hoivakoti Aurinko");
    assertThat(nurse.start()).isEqualTo(LocalDate.of(2018, 3, 1));
    assertThat(nurse.end()).isNull();
    assertThat(nurse.ongoing()).isTrue();
    assertThat(nurse.description()).contains("annoin lääkkeet");
    assertThat(entries.get(1).title()).isEqualTo("Kokki");
    assertThat(entries.get(1).end()).isEqualTo(LocalDate.of(2018, 12, 31));
    assertThat(entries.get(2).kind()).isEqualTo(ExperienceKind.EDUCATION);
    assertThat(entries.get(2).organisation()).isEqualTo("Tampereen ammattiopisto");
    assertThat(entries.get(3).title()).isEqualTo("Ylioppilas");
    assertThat(entries).noneMatch(e -> e.source().contains("040 123 4567"));
    assertThat(entries).noneMatch(e -> e.description().contains("äidinkieli"));
  }

  @Test
  void swedishCvWithTheRoleBeforeTheDates() {
    String cv =
        """
        Arbetslivserfarenhet
        Sjukskötare, Vasa centralsjukhus
        2019–pågående
        Vård av patienter på kirurgisk avdelning.

        Lagerarbetare
        Lager Ab
        2015 – 2019
        Plockade varor och körde truck.

        Utbildning
        Sjukskötare YH, Yrkeshögskolan Novia
        2015–2019
        """;
    List<CvEntry> entries = CvSplitter.split(cv);
    assertThat(entries).hasSize(3);
    assertThat(entries.get(0).title()).isEqualTo("Sjukskötare");
    assertThat(entries.get(0).organisation()).isEqualTo("Vasa centralsjukhus");
    assertThat(entries.get(0).ongoing()).isTrue();
    assertThat(entries.get(0).description()).isEqualTo("Vård av patienter på kirurgisk avdelning.");
    assertThat(entries.get(1).title()).isEqualTo("Lagerarbetare");
    assertThat(entries.get(1).organisation()).isEqualTo("Lager Ab");
    assertThat(entries.get(1).start()).isEqualTo(LocalDate.of(2015, 1, 1));
    assertThat(entries.get(1).description()).contains("körde truck");
    assertThat(entries.get(2).kind()).isEqualTo(ExperienceKind.EDUCATION);
    assertThat(entries.get(2).title()).isEqualTo("Sjukskötare YH");
  }

  @Test
  void englishCvWithTheRoleAfterTheDates() {
    String cv =
        """
        Work experience
        Jan 2020 – present
        Software developer | Firma Oy
        - Built web services in Java
        - Led code reviews

        Skills
        Java, SQL, project management
        """;
    List<CvEntry> entries = CvSplitter.split(cv);
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).title()).isEqualTo("Software developer");
    assertThat(entries.get(0).organisation()).isEqualTo("Firma Oy");
    assertThat(entries.get(0).description())
        .isEqualTo("Built web services in Java\nLed code reviews");
    assertThat(entries.get(1).kind()).isEqualTo(ExperienceKind.OTHER);
    assertThat(entries.get(1).title()).isEqualTo("Skills");
    assertThat(entries.get(1).description()).contains("project management");
  }
}
