package fi.osaava.education;

import java.util.List;

/**
 * Published in the transaction that withdrew offerings one by one (a provider's or an editor's
 * withdrawal), naming them, so that modules publishing changes can say so. Offerings deactivated by
 * an import's snapshot are named in {@link OfferingsPublished} instead, which listeners tell apart
 * by the offering no longer being active.
 *
 * @param offerings the offerings withdrawn in this commit
 */
public record OfferingsWithdrawn(List<OfferingId> offerings) {

  public OfferingsWithdrawn {
    offerings = List.copyOf(offerings);
  }
}
