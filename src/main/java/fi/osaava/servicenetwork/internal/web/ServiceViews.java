package fi.osaava.servicenetwork.internal.web;

import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import fi.osaava.servicenetwork.LifeSituation;
import fi.osaava.servicenetwork.ServiceType;
import fi.osaava.servicenetwork.internal.importer.ServiceRecord.Channel;
import fi.osaava.servicenetwork.internal.search.ServiceFacet;
import fi.osaava.web.NationalLanguageQuery;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the pages and the API share: the facet parameters read and checked, labels of codes in a
 * language, and the channels of a service.
 */
@Component
class ServiceViews {

  /** The facet {@code language}'s values: ISO 639 codes (the OpenAPI document shows it). */
  static final String LANGUAGE_CODES = "[a-z]{2,3}";

  /** The facet {@code area}'s values (the OpenAPI document shows it). */
  static final String AREA_CODES = "country|online|region:\\d{2}|municipality:\\d{3}";

  private static final Pattern LANGUAGE = Pattern.compile(LANGUAGE_CODES);
  private static final Pattern AREA = Pattern.compile(AREA_CODES);

  private final RegionsApi regions;
  private final MessageSource messages;
  private final JdbcClient jdbc;

  ServiceViews(RegionsApi regions, MessageSource messages, JdbcClient jdbc) {
    this.regions = regions;
    this.messages = messages;
    this.jdbc = jdbc;
  }

  /**
   * The facet values chosen in the request. Values that no service can have are refused, naming the
   * parameter, when {@code strict} (the API); the pages drop them.
   */
  Map<ServiceFacet, Set<String>> filters(MultiValueMap<String, String> params, boolean strict) {
    Map<ServiceFacet, Set<String>> filters = new EnumMap<>(ServiceFacet.class);
    for (ServiceFacet facet : ServiceFacet.values()) {
      Set<String> values = new LinkedHashSet<>();
      for (String value : params.getOrDefault(facet.parameter(), List.of())) {
        if (value == null || value.isBlank()) {
          continue;
        }
        String v = value.strip();
        if (valid(facet, v)) {
          values.add(v);
        } else if (strict) {
          throw new InvalidInputException(
              "request", 0, facet.parameter(), "not a value of this facet: " + accepted(facet));
        }
      }
      if (!values.isEmpty()) {
        filters.put(facet, values);
      }
    }
    return filters;
  }

  private static boolean valid(ServiceFacet facet, String value) {
    return switch (facet) {
      case TYPE -> Arrays.stream(ServiceType.values()).anyMatch(t -> t.name().equals(value));
      case SITUATION -> Arrays.stream(LifeSituation.values()).anyMatch(s -> s.name().equals(value));
      case LANGUAGE -> LANGUAGE.matcher(value).matches();
      case AREA -> AREA.matcher(value).matches();
    };
  }

  private static String accepted(ServiceFacet facet) {
    return switch (facet) {
      case TYPE -> String.join(", ", Arrays.stream(ServiceType.values()).map(Enum::name).toList());
      case SITUATION ->
          String.join(", ", Arrays.stream(LifeSituation.values()).map(Enum::name).toList());
      case LANGUAGE -> "an ISO 639 code such as fi";
      case AREA -> "country, online, region:NN or municipality:NNN";
    };
  }

  /** A facet value or code as people read it, in {@code locale}. */
  String label(ServiceFacet facet, String value, Locale locale) {
    return switch (facet) {
      case TYPE -> message("svc.type." + value, value, locale);
      case SITUATION -> message("svc.situation." + value, value, locale);
      case LANGUAGE -> languageName(value, locale);
      case AREA -> areaName(value, locale);
    };
  }

  String languageName(String code, Locale locale) {
    String name = Locale.of(code).getDisplayLanguage(locale);
    return name.isBlank() || name.equals(code)
        ? code
        : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
  }

  String areaName(String code, Locale locale) {
    Language language = pageLanguage(locale);
    if (code.equals("country") || code.equals("online")) {
      return message("svc.area." + code, code, locale);
    }
    if (code.startsWith("region:")) {
      return regions
          .area(AreaLevel.REGION, code.substring(7))
          .map(a -> a.name(language).text())
          .orElse(code);
    }
    if (code.startsWith("municipality:")) {
      return regions
          .area(AreaLevel.MUNICIPALITY, code.substring(13))
          .map(a -> a.name(language).text())
          .orElse(code);
    }
    return code;
  }

  /** The message of {@code key}, or {@code fallback} where there is none. */
  private String message(String key, String fallback, Locale locale) {
    return Objects.requireNonNullElse(messages.getMessage(key, null, fallback, locale), fallback);
  }

  /** The page's language for texts; Norwegian pages read the catalogue's English where there. */
  static Language pageLanguage(Locale locale) {
    return NationalLanguageQuery.fallback(locale);
  }

  static @Nullable LocalizedText text(Map<Language, String> texts, Language language) {
    return LocalizedText.pickNational(texts, language);
  }

  /** The stored channels of a service, as the documented JSON. */
  List<Channel> channels(UUID service) {
    List<String> json =
        jdbc.sql("select channels::text from services_service where id = ?")
            .param(service)
            .query(String.class)
            .list();
    if (json.isEmpty()) {
      return List.of();
    }
    return JsonMapper.shared().readValue(json.getFirst(), new TypeReference<List<Channel>>() {});
  }

  /** Opening hours as people read them: "Monday, Tuesday 09:00–16:00". */
  List<String> hours(Channel channel, Locale locale) {
    List<String> lines = new ArrayList<>();
    for (var hours : channel.hours()) {
      List<String> days =
          hours.days().stream().map(d -> d.getDisplayName(TextStyle.FULL, locale)).toList();
      lines.add(String.join(", ", days) + " " + hours.opens() + "–" + hours.closes());
    }
    return lines;
  }
}
