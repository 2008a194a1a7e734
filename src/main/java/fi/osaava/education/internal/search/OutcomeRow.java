package fi.osaava.education.internal.search;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One learning outcome of an offering, in the languages the source has it in. */
@Embeddable
public class OutcomeRow {

  @Column(name = "text_fi")
  private String textFi;

  @Column(name = "text_sv")
  private String textSv;

  @Column(name = "text_en")
  private String textEn;

  protected OutcomeRow() {}

  public String textFi() {
    return textFi;
  }

  public String textSv() {
    return textSv;
  }

  public String textEn() {
    return textEn;
  }
}
