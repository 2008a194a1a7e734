package fi.osaava.education.internal.search;

import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.springframework.stereotype.Component;

/** Reads one offering in full (outcomes, implementations, skills) for its page and the API. */
@Component
public class OfferingLookup {

  private final SessionFactory sessionFactory;

  OfferingLookup(EntityManagerFactory entityManagerFactory) {
    this.sessionFactory = entityManagerFactory.unwrap(SessionFactory.class);
  }

  /** The offering, active or not (a deactivated one says so), with its collections loaded. */
  public Optional<OfferingDocument> find(UUID id) {
    try (Session session = sessionFactory.openSession()) {
      OfferingDocument document = session.find(OfferingDocument.class, id);
      if (document == null) {
        return Optional.empty();
      }
      Hibernate.initialize(document.outcomes());
      Hibernate.initialize(document.implementations());
      Hibernate.initialize(document.skills());
      return Optional.of(document);
    }
  }

  /** The active units of a qualification, in title order. */
  public List<OfferingDocument> units(UUID qualification) {
    try (Session session = sessionFactory.openSession()) {
      return session
          .createSelectionQuery(
              "from OfferingDocument where parentId = :parent and active order by titleFi",
              OfferingDocument.class)
          .setParameter("parent", qualification)
          .getResultList();
    }
  }
}
