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

  /** The evidence in each language it was found in; {@code evidence} is as the source gave it. */
  @Column(name = "evidence_fi")
  private String evidenceFi;

  @Column(name = "evidence_sv")
  private String evidenceSv;

  @Column(name = "evidence_en")
  private String evidenceEn;

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

  public String evidenceFi() {
    return evidenceFi;
  }

  public String evidenceSv() {
    return evidenceSv;
  }

  public String evidenceEn() {
    return evidenceEn;
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
