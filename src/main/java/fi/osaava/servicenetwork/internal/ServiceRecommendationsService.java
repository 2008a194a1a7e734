package fi.osaava.servicenetwork.internal;

import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import fi.osaava.servicenetwork.LifeSituation;
import fi.osaava.servicenetwork.ServiceRecommendations;
import fi.osaava.servicenetwork.ServiceType;
import fi.osaava.servicenetwork.internal.search.ServiceDocument;
import fi.osaava.servicenetwork.internal.search.ServiceSearch;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** {@link ServiceRecommendations} over the same {@link Recommendations} as {@code /services}. */
@Service
class ServiceRecommendationsService implements ServiceRecommendations {

  private final Recommendations recommendations;
  private final ServiceSearch search;
  private final RegionsApi regions;

  ServiceRecommendationsService(
      Recommendations recommendations, ServiceSearch search, RegionsApi regions) {
    this.recommendations = recommendations;
    this.search = search;
    this.regions = regions;
  }

  @Override
  public List<RecommendedService> recommend(
      LifeSituation situation, @Nullable String municipalityCode, Language language, int max) {
    Area municipality =
        municipalityCode == null || !municipalityCode.strip().matches("\\d{3}")
            ? null
            : regions.area(AreaLevel.MUNICIPALITY, municipalityCode.strip()).orElse(null);
    return recommendations.recommend(situation, municipality, language, max).stream()
        .map(
            r ->
                view(
                    r.service(),
                    language,
                    r.rank(),
                    r.reasons().stream()
                        .map(why -> new Reason(why.key(), why.argument()))
                        .toList()))
        .toList();
  }

  @Override
  public Optional<RecommendedService> find(UUID id, Language language) {
    return search
        .find(id)
        .filter(ServiceDocument::active)
        .map(s -> view(s, language, 0, List.of()));
  }

  private static RecommendedService view(
      ServiceDocument s, Language language, int rank, List<Reason> reasons) {
    return new RecommendedService(
        s.id(),
        LocalizedText.pickNational(s.name(), language),
        LocalizedText.pickNational(s.organisationName(), language),
        ServiceType.valueOf(s.type()),
        s.generalDescription(),
        rank,
        reasons);
  }
}
