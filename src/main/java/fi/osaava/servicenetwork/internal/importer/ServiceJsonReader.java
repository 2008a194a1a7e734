package fi.osaava.servicenetwork.internal.importer;

import fi.osaava.platform.Language;
import fi.osaava.platform.StorableText;
import fi.osaava.platform.WebAddress;
import fi.osaava.servicenetwork.LifeSituation;
import fi.osaava.servicenetwork.ServiceType;
import fi.osaava.servicenetwork.internal.importer.LocatedJson.Located;
import fi.osaava.servicenetwork.internal.importer.ServiceRecord.Address;
import fi.osaava.servicenetwork.internal.importer.ServiceRecord.Channel;
import fi.osaava.servicenetwork.internal.importer.ServiceRecord.ChannelType;
import fi.osaava.servicenetwork.internal.importer.ServiceRecord.Hours;
import fi.osaava.servicenetwork.internal.importer.ServiceRecord.Organisation;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads providers' services in the documented JSON format ({@code docs/services.md}), for the file
 * import and the push API alike: every record is checked field by field, and a bad one is named by
 * its line and field path ({@code channels[1].hours[0].opens}).
 */
public final class ServiceJsonReader {

  static final int MAX_NAME = 300;
  static final int MAX_SUMMARY = 1_000;
  static final int MAX_TEXT = 20_000;
  static final int MAX_ID = 200;

  private static final Set<String> FIELDS =
      Set.of(
          "id",
          "organisation",
          "generalDescription",
          "name",
          "summary",
          "description",
          "type",
          "lifeSituations",
          "targetGroups",
          "areas",
          "languages",
          "cost",
          "channels");

  private static final Set<String> TEXT_LANGUAGES = Set.of("fi", "sv", "en");

  private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{4,29}");
  private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}");
  private static final Pattern REGION = Pattern.compile("region:(\\d{2})");
  private static final Pattern MUNICIPALITY = Pattern.compile("municipality:(\\d{3})");

  /** Which area codes exist, from the regional classification. */
  public interface Areas {
    boolean regionExists(String code);

    boolean municipalityExists(String code);
  }

  private ServiceJsonReader() {}

  /**
   * @throws fi.osaava.platform.InvalidInputException for the first bad record, with the count of
   *     the others
   */
  public static List<ServiceRecord> read(byte[] input, String source, Areas areas) {
    List<Located> located = LocatedJson.read(input, source, "services");
    BadField.Collected errors = new BadField.Collected(source);
    List<ServiceRecord> records = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Located record : located) {
      try {
        ServiceRecord read = service(record.node(), record.line(), areas);
        if (!seen.add(read.sourceId())) {
          throw new BadField(
              "id", "the same service (organisation and id) comes twice in the input");
        }
        records.add(read);
      } catch (BadField bad) {
        errors.add(record.line(), bad);
      }
    }
    errors.throwIfAny();
    return records;
  }

  static ServiceRecord service(JsonNode node, long line, Areas areas) {
    if (node == null || !node.isObject()) {
      throw new BadField("(service)", "must be a JSON object");
    }
    Optional<String> unstorable = StorableText.unstorableField(node);
    if (unstorable.isPresent()) {
      throw new BadField(unstorable.get(), StorableText.PROBLEM);
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String property = entry.getKey();
      if (!FIELDS.contains(property)) {
        throw new BadField(
            property,
            "unknown field; the fields are "
                + String.join(", ", FIELDS.stream().sorted().toList()));
      }
    }
    String id = requiredString(node, "id", MAX_ID);
    Organisation organisation = organisation(node.get("organisation"));
    Map<Language, String> name = texts(node, "name", MAX_NAME, true);
    Map<Language, String> summary = texts(node, "summary", MAX_SUMMARY, false);
    Map<Language, String> description = texts(node, "description", MAX_TEXT, false);
    ServiceType type = enumValue(node.get("type"), "type", ServiceType.class);
    Set<LifeSituation> situations = EnumSet.noneOf(LifeSituation.class);
    for (JsonNode value : array(node, "lifeSituations", false)) {
      situations.add(enumValue(value, "lifeSituations", LifeSituation.class));
    }
    List<String> targetGroups = new ArrayList<>();
    List<JsonNode> groups = array(node, "targetGroups", false);
    for (int i = 0; i < groups.size(); i++) {
      targetGroups.add(string(groups.get(i), "targetGroups[" + i + "]", 200));
    }
    Set<String> areaCodes = areas(node, areas);
    Set<String> languages = new LinkedHashSet<>();
    List<JsonNode> languageNodes = array(node, "languages", false);
    for (int i = 0; i < languageNodes.size(); i++) {
      String code =
          string(languageNodes.get(i), "languages[" + i + "]", 3).toLowerCase(Locale.ROOT);
      if (!LANGUAGE_CODE.matcher(code).matches()) {
        throw new BadField(
            "languages[" + i + "]", "must be an ISO 639 language code such as fi, sv, en");
      }
      languages.add(code);
    }
    @Nullable String chargeType = null;
    Map<Language, String> costInfo = Map.of();
    JsonNode cost = node.get("cost");
    if (cost != null && !cost.isNull()) {
      if (!cost.isObject()) {
        throw new BadField("cost", "must be an object with type and info");
      }
      chargeType = enumValue(cost.get("type"), "cost.type", ChargeType.class).name();
      costInfo = texts(cost, "info", MAX_SUMMARY, false, "cost.info");
    }
    List<Channel> channels = new ArrayList<>();
    List<JsonNode> channelNodes = array(node, "channels", false);
    for (int i = 0; i < channelNodes.size(); i++) {
      channels.add(channel(channelNodes.get(i), "channels[" + i + "]", areas));
    }
    @Nullable UUID general = null;
    JsonNode generalNode = node.get("generalDescription");
    if (generalNode != null && !generalNode.isNull()) {
      try {
        general = UUID.fromString(string(generalNode, "generalDescription", 36));
      } catch (IllegalArgumentException e) {
        throw new BadField(
            "generalDescription", "must be the id (a UUID) of a general description");
      }
    }
    String owner =
        organisation.businessId() != null
            ? organisation.businessId()
            : organisation.name().values().iterator().next();
    String sourceId = owner + "/" + id;
    return new ServiceRecord(
        UUID.nameUUIDFromBytes(
            (ServiceRecord.PROVIDER + ":" + sourceId).getBytes(StandardCharsets.UTF_8)),
        ServiceRecord.PROVIDER,
        sourceId,
        false,
        general,
        null,
        organisation,
        name,
        summary,
        description,
        type,
        situations,
        targetGroups,
        areaCodes,
        languages,
        List.of(),
        chargeType,
        costInfo,
        channels,
        line);
  }

  /** What a service costs its user. */
  enum ChargeType {
    FREE,
    CHARGED,
    PARTLY_CHARGED
  }

  private static Organisation organisation(JsonNode node) {
    if (node == null || node.isNull()) {
      throw new BadField("organisation", "is required: the provider's businessId and name");
    }
    if (!node.isObject()) {
      throw new BadField("organisation", "must be an object with businessId and name");
    }
    @Nullable String businessId = null;
    JsonNode id = node.get("businessId");
    if (id != null && !id.isNull()) {
      businessId = string(id, "organisation.businessId", 9);
      if (!isBusinessId(businessId)) {
        throw new BadField(
            "organisation.businessId",
            "is not a valid Finnish business ID (seven digits, a hyphen and the check digit, such"
                + " as 0201256-6)");
      }
    }
    return new Organisation(businessId, texts(node, "name", MAX_NAME, true, "organisation.name"));
  }

  /** A Finnish business ID (Y-tunnus) with a correct check digit (weights 7, 9, 10, 5, 8, 4, 2). */
  static boolean isBusinessId(String value) {
    return fi.osaava.platform.BusinessId.isValid(value);
  }

  private static Set<String> areas(JsonNode node, Areas areas) {
    List<JsonNode> values = array(node, "areas", true);
    if (values.isEmpty()) {
      throw new BadField(
          "areas", "must name at least one area: country, online, region:NN or municipality:NNN");
    }
    Set<String> codes = new LinkedHashSet<>();
    for (int i = 0; i < values.size(); i++) {
      String field = "areas[" + i + "]";
      String code = string(values.get(i), field, 20).toLowerCase(Locale.ROOT);
      var region = REGION.matcher(code);
      var municipality = MUNICIPALITY.matcher(code);
      if (code.equals("country") || code.equals("online")) {
        codes.add(code);
      } else if (region.matches()) {
        if (!areas.regionExists(region.group(1))) {
          throw new BadField(field, "no region has the code " + region.group(1));
        }
        codes.add(code);
      } else if (municipality.matches()) {
        if (!areas.municipalityExists(municipality.group(1))) {
          throw new BadField(field, "no municipality has the code " + municipality.group(1));
        }
        codes.add(code);
      } else {
        throw new BadField(
            field, "must be country, online, region:NN (two digits) or municipality:NNN (three)");
      }
    }
    return codes;
  }

  private static Channel channel(JsonNode node, String field, Areas areas) {
    if (node == null || !node.isObject()) {
      throw new BadField(field, "must be an object with a type");
    }
    ChannelType type = enumValue(node.get("type"), field + ".type", ChannelType.class);
    Map<Language, String> name = texts(node, "name", MAX_NAME, false, field + ".name");
    @Nullable String url = null;
    @Nullable String phone = null;
    @Nullable Address address = null;
    switch (type) {
      case WEB_PAGE, E_SERVICE -> {
        url = requiredString(node, "url", 2_000, field + ".url");
        if (!WebAddress.isHttp(url)) {
          throw new BadField(field + ".url", WebAddress.PROBLEM);
        }
      }
      case PHONE -> {
        phone = requiredString(node, "phone", 40, field + ".phone");
        if (!PHONE.matcher(phone).matches()) {
          throw new BadField(field + ".phone", "must be a phone number such as +358 29 502 0700");
        }
      }
      case VISITING_ADDRESS -> {
        JsonNode a = node.get("address");
        if (a == null || !a.isObject()) {
          throw new BadField(
              field + ".address", "is required: an object with street, postalCode, municipality");
        }
        String street = requiredString(a, "street", 200, field + ".address.street");
        String postal = requiredString(a, "postalCode", 5, field + ".address.postalCode");
        if (!POSTAL_CODE.matcher(postal).matches()) {
          throw new BadField(
              field + ".address.postalCode", "must be a Finnish postal code of five digits");
        }
        String municipality = requiredString(a, "municipality", 3, field + ".address.municipality");
        if (!areas.municipalityExists(municipality)) {
          throw new BadField(
              field + ".address.municipality", "no municipality has the code " + municipality);
        }
        address = new Address(street, postal, municipality);
      }
    }
    List<Hours> hours = new ArrayList<>();
    List<JsonNode> hourNodes = array(node, "hours", false, field + ".hours");
    for (int i = 0; i < hourNodes.size(); i++) {
      hours.add(hours(hourNodes.get(i), field + ".hours[" + i + "]"));
    }
    if (!hours.isEmpty() && (type == ChannelType.WEB_PAGE || type == ChannelType.E_SERVICE)) {
      throw new BadField(field + ".hours", "only a phone line or a visiting address has hours");
    }
    return new Channel(type, name, url, phone, address, hours);
  }

  private static Hours hours(JsonNode node, String field) {
    if (node == null || !node.isObject()) {
      throw new BadField(field, "must be an object with days, opens and closes");
    }
    List<JsonNode> dayNodes = array(node, "days", true, field + ".days");
    if (dayNodes.isEmpty()) {
      throw new BadField(field + ".days", "must name at least one day, such as MONDAY");
    }
    List<DayOfWeek> days = new ArrayList<>();
    for (int i = 0; i < dayNodes.size(); i++) {
      days.add(enumValue(dayNodes.get(i), field + ".days[" + i + "]", DayOfWeek.class));
    }
    LocalTime opens = time(node, "opens", field);
    LocalTime closes = time(node, "closes", field);
    if (!opens.isBefore(closes)) {
      throw new BadField(field + ".closes", "must be later than opens");
    }
    return new Hours(days, opens, closes);
  }

  private static LocalTime time(JsonNode node, String name, String field) {
    String value = requiredString(node, name, 5, field + "." + name);
    try {
      if (value.length() != 5) {
        throw new DateTimeParseException("length", value, 0);
      }
      return LocalTime.parse(value);
    } catch (DateTimeParseException e) {
      throw new BadField(field + "." + name, "must be a time of day as HH:MM, such as 09:00");
    }
  }

  // --- plain values ---

  private static String requiredString(JsonNode node, String name, int max) {
    return requiredString(node, name, max, name);
  }

  private static String requiredString(JsonNode node, String name, int max, String field) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      throw new BadField(field, "is required");
    }
    String text = string(value, field, max);
    if (text.isBlank()) {
      throw new BadField(field, "must not be empty");
    }
    return text;
  }

  private static String string(JsonNode value, String field, int max) {
    if (value == null || !value.isString()) {
      throw new BadField(field, "must be a string");
    }
    String text = value.stringValue().strip();
    if (text.length() > max) {
      throw new BadField(field, "is longer than " + max + " characters");
    }
    return text;
  }

  private static List<JsonNode> array(JsonNode node, String name, boolean required) {
    return array(node, name, required, name);
  }

  private static List<JsonNode> array(JsonNode node, String name, boolean required, String field) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      if (required) {
        throw new BadField(field, "is required");
      }
      return List.of();
    }
    if (!value.isArray()) {
      throw new BadField(field, "must be an array");
    }
    List<JsonNode> values = new ArrayList<>();
    value.forEach(values::add);
    return values;
  }

  /** A required enum value: every enum field of the format is required. */
  private static <E extends Enum<E>> E enumValue(
      @Nullable JsonNode value, String field, Class<E> type) {
    if (value == null || value.isNull()) {
      throw new BadField(field, "is required; one of " + names(type));
    }
    if (!value.isString()) {
      throw new BadField(field, "must be one of " + names(type));
    }
    try {
      return Enum.valueOf(type, value.stringValue().strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadField(field, "must be one of " + names(type));
    }
  }

  private static String names(Class<? extends Enum<?>> type) {
    return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
  }

  private static Map<Language, String> texts(
      JsonNode node, String name, int max, boolean required) {
    return texts(node, name, max, required, name);
  }

  /** {@code {"fi": "...", "sv": "...", "en": "..."}}; at least one when required. */
  private static Map<Language, String> texts(
      JsonNode node, String name, int max, boolean required, String field) {
    JsonNode value = node.get(name);
    Map<Language, String> texts = new EnumMap<>(Language.class);
    if (value == null || value.isNull()) {
      if (required) {
        throw new BadField(field, "is required: texts by language, such as {\"fi\": \"...\"}");
      }
      return texts;
    }
    if (!value.isObject()) {
      throw new BadField(field, "must be an object of texts by language: fi, sv, en");
    }
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      String language = entry.getKey();
      if (!TEXT_LANGUAGES.contains(language)) {
        throw new BadField(field + "." + language, "is not a language of the texts: fi, sv, en");
      }
      String text = string(value.get(language), field + "." + language, max);
      if (!text.isBlank()) {
        texts.put(Language.require(language), text);
      }
    }
    if (required && texts.isEmpty()) {
      throw new BadField(field, "must have a text in at least one of fi, sv, en");
    }
    return texts;
  }

  /** The predicate form of {@link Areas}, for tests. */
  public static Areas areas(Predicate<String> regions, Predicate<String> municipalities) {
    return new Areas() {
      @Override
      public boolean regionExists(String code) {
        return regions.test(code);
      }

      @Override
      public boolean municipalityExists(String code) {
        return municipalities.test(code);
      }
    };
  }
}
