package fi.osaava.guidance.internal.web;

import fi.osaava.profile.CounsellorConsents;
import fi.osaava.profile.SharedPart;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * A client's answer to an invitation: the counsellor's code, the name to show them, the parts to
 * share and for how many months.
 */
record ShareForm(
    @NotBlank @Size(max = 40) String code,
    @NotBlank @Size(max = 80) String name,
    @NotEmpty Set<SharedPart> parts,
    @NotNull @Min(1) @Max(CounsellorConsents.MAX_MONTHS) Integer months) {

  static ShareForm empty() {
    return new ShareForm("", "", Set.of(), 3);
  }
}
