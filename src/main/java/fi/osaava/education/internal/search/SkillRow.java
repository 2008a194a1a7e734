package fi.osaava.education.internal.search;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * One ESCO skill an offering teaches, with where it came from ({@code IDENTIFIED}, {@code
 * PROVIDER_CURATED} or {@code QUALIFICATION_DEFINED}) and the text that supports it.
 */
@Embeddable
public class SkillRow {

  @Column(name = "skill_uri")
  private String skillUri;

  private String source;

  private float score;

  private String evidence;

  @Column(name = "label_fi")
  private String labelFi;

  @Column(name = "label_sv")
  private String labelSv;

  @Column(name = "label_en")
  private String labelEn;

  protected SkillRow() {}

  public String skillUri() {
    return skillUri;
  }

  public String source() {
    return source;
  }

  public float score() {
    return score;
  }

  public String evidence() {
    return evidence;
  }

  public String labelFi() {
    return labelFi;
  }

  public String labelSv() {
    return labelSv;
  }

  public String labelEn() {
    return labelEn;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SkillRow other
        && Objects.equals(skillUri, other.skillUri)
        && Objects.equals(source, other.source);
  }

  @Override
  public int hashCode() {
    return Objects.hash(skillUri, source);
  }
}
