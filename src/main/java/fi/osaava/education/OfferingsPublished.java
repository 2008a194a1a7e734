package fi.osaava.education;

import java.util.List;

/**
 * Published in the transaction that added or changed offerings through an import or a provider's
 * push, naming them, so that modules alerting people about new matching offerings (saved searches)
 * can look at each one. Deactivations are not in it; {@link CatalogueChanged} still announces every
 * change for modules that only refresh derived data.
 *
 * @param offerings the offerings added or changed in this commit
 */
public record OfferingsPublished(List<OfferingId> offerings) {

  public OfferingsPublished {
    offerings = List.copyOf(offerings);
  }
}
