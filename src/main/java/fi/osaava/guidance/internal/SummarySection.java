package fi.osaava.guidance.internal;

import fi.osaava.platform.Language;
import fi.osaava.profile.CounsellorGrant;
import java.util.Map;

/**
 * A part of the guidance summary that lives elsewhere in the module (such as the career-planning
 * self-assessment): {@link GuidanceSummary} asks each for its model entries, so that the summary
 * does not depend on the parts' packages (they depend on it). A section reads only through the
 * consent gate, so its reads are in the client's access log like the rest.
 */
public interface SummarySection {

  /** Model entries for {@code guidance/summary-pdf.html}; empty when the part is not shared. */
  Map<String, Object> model(CounsellorGrant grant, Counsellor counsellor, Language language);
}
