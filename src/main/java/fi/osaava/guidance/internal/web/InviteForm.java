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
 * A client's invitation to a counsellor: the name to show them, the parts to share and for how many
 * months (counted from the counsellor's acceptance).
 */
record InviteForm(
    @NotBlank @Size(max = 80) String name,
    @NotEmpty Set<SharedPart> parts,
    @NotNull @Min(1) @Max(CounsellorConsents.MAX_MONTHS) Integer months) {

  static InviteForm empty() {
    return new InviteForm("", Set.of(), 3);
  }
}
