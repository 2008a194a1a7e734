package fi.osaava.guidance.internal.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An administrator adds a counsellor by the e-mail address their sign-in provider vouches for. */
record MemberForm(@NotBlank @Size(max = 254) String email) {}
