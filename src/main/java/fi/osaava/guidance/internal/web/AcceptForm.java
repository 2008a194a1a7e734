package fi.osaava.guidance.internal.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A counsellor's answer to a client's invitation: its code. */
record AcceptForm(@NotBlank @Size(max = 40) String code) {}
