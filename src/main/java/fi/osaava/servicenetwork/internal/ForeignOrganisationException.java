package fi.osaava.servicenetwork.internal;

import fi.osaava.platform.InvalidInputException;

/**
 * A pushed service names an organisation that is not the calling API client's: well-formed input
 * that this caller may not send, so the push API answers 403 (not 400), still naming the line and
 * the field.
 */
public class ForeignOrganisationException extends InvalidInputException {

  static final String FIELD = "organisation.businessId";

  ForeignOrganisationException(String source, long line, String problem) {
    super(source, line, FIELD, problem);
  }
}
