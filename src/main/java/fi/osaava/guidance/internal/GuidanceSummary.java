package fi.osaava.guidance.internal;

import fi.osaava.platform.Language;
import fi.osaava.platform.PdfDocuments;
import fi.osaava.profile.CounsellorConsents;
import fi.osaava.profile.CounsellorGrant;
import fi.osaava.profile.ProfileSkill;
import fi.osaava.profile.SharedPart;
import fi.osaava.taxonomy.ConceptSummary;
import fi.osaava.taxonomy.TaxonomyApi;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The guidance summary a counsellor prints or downloads for a client: the parts the client shares
 * (with the career-planning self-assessments, through a {@link SummarySection}) and the plan with
 * the notes shared with the client (never the organisation's private notes), as a PDF in the
 * language the client used when they started sharing. The parts are read through {@link
 * CounsellorConsents} like the client view, so making a summary is logged for the client. The
 * layout is a Thymeleaf template ({@code guidance/summary-pdf.html}, well-formed XHTML) rendered by
 * {@link PdfDocuments}.
 */
@Service
public class GuidanceSummary {

  private final CounsellorConsents consents;
  private final Plans plans;
  private final Invitations invitations;
  private final TaxonomyApi taxonomy;
  private final ITemplateEngine templates;
  private final List<SummarySection> sections;
  private final Clock clock;

  private final Organisations organisations;

  GuidanceSummary(
      CounsellorConsents consents,
      Plans plans,
      Invitations invitations,
      TaxonomyApi taxonomy,
      ITemplateEngine templates,
      List<SummarySection> sections,
      Organisations organisations,
      Clock clock) {
    this.sections = sections;
    this.organisations = organisations;
    this.consents = consents;
    this.plans = plans;
    this.invitations = invitations;
    this.taxonomy = taxonomy;
    this.templates = templates;
    this.clock = clock;
  }

  /** The summary as PDF bytes; empty when the counsellor has no live consent under this id. */
  @Transactional
  public Optional<byte[]> pdf(UUID grantId, Counsellor c) {
    Optional<CounsellorGrant> found =
        consents.caseload(c.person(), c.organisation()).stream()
            .filter(g -> g.id().equals(grantId))
            .findFirst();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    CounsellorGrant grant = found.get();
    Language language = invitations.clientLanguage(grantId).orElse(Language.FI);
    Map<String, Object> model = new HashMap<>();
    model.put("grant", grant);
    model.put("organisationName", organisations.name(grant.organisation()));
    model.put("today", LocalDate.now(clock));
    model.put("language", language.code());
    model.put("css", PdfDocuments.stylesheet());
    model.putAll(sharedParts(grant, c, language));
    sections.forEach(section -> model.putAll(section.model(grant, c, language)));
    if (grant.parts().contains(SharedPart.PLANS)) {
      plans
          .workspace(grantId, c)
          .ifPresent(
              w -> {
                model.put("steps", w.steps());
                // The summary is for the client: the organisation's private notes stay out.
                model.put("notes", w.notes().stream().filter(Plans.Note::shared).toList());
              });
    }
    String xhtml = templates.process("guidance/summary-pdf", new Context(language.locale(), model));
    return Optional.of(PdfDocuments.render(xhtml));
  }

  /**
   * The parts of the profile the client shares, read through {@link CounsellorConsents} (so each
   * read is logged for the client), as model entries for the client page and for this summary:
   * {@code skills} with their {@code labels}, {@code workHistory}, {@code interests} and {@code
   * riasec}, each present only when shared and found.
   */
  public Map<String, Object> sharedParts(CounsellorGrant grant, Counsellor c, Language language) {
    UUID grantId = grant.id();
    Map<String, Object> model = new HashMap<>();
    if (grant.parts().contains(SharedPart.SKILLS)) {
      consents
          .skills(grantId, c.person(), c.organisation())
          .ifPresent(
              skills -> {
                model.put("skills", skills);
                model.put("labels", labels(skills, language));
              });
    }
    if (grant.parts().contains(SharedPart.WORK_HISTORY)) {
      consents
          .workHistory(grantId, c.person(), c.organisation())
          .ifPresent(w -> model.put("workHistory", w));
    }
    if (grant.parts().contains(SharedPart.INTERESTS)) {
      consents
          .interests(grantId, c.person(), c.organisation())
          .ifPresent(i -> model.put("interests", i));
    }
    if (grant.parts().contains(SharedPart.SELF_ASSESSMENTS)) {
      consents
          .selfAssessment(grantId, c.person(), c.organisation())
          .ifPresent(s -> model.put("riasec", new TreeMap<>(s)));
    }
    return model;
  }

  private Map<String, String> labels(List<ProfileSkill> skills, Language language) {
    Map<String, String> labels = new HashMap<>();
    for (ConceptSummary s :
        taxonomy.summaries(skills.stream().map(ProfileSkill::skill).toList(), language)) {
      labels.put(s.uri().value(), s.label().text());
    }
    skills.forEach(s -> labels.putIfAbsent(s.skill().value(), s.skill().value()));
    return labels;
  }
}
