package fi.osaava.servicenetwork.internal.publishing;

import fi.osaava.platform.Language;
import fi.osaava.servicenetwork.internal.importer.ServiceRecord.Channel;
import fi.osaava.servicenetwork.internal.importer.ServiceRecord.ChannelType;
import fi.osaava.servicenetwork.internal.importer.ServiceRecord.Hours;
import fi.osaava.web.PublishingForms;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The editor pages' service form. It holds text as typed, and is checked by turning it into the
 * documented JSON of one service ({@code docs/services.md}) and reading that with the push API's
 * and the file import's reader: the reader is the one rule for all three, and its field paths map
 * back to the form's fields ({@link #formField}). Bean Validation only bounds the lengths (to the
 * reader's limits) and the number of values.
 *
 * <p>The form holds one channel of each kind (a web page, a phone line, a visiting address, an
 * e-service) and one opening period a day, as seven opening and seven closing times in week order
 * (each list always has seven entries, empty where closed).
 *
 * @param areas {@code country}, {@code online} and {@code region:NN} ticked
 * @param municipalities municipalities by name or code, separated by commas or new lines
 * @param languages the languages ticked among fi, sv, en
 * @param otherLanguages further ISO 639 codes, separated by commas or blanks
 * @param addressMunicipality the visiting address's municipality code
 * @param generalDescription the id of the general description the service implements, or blank
 */
record ServiceForm(
    @Size(max = 300) @Nullable String nameFi,
    @Size(max = 300) @Nullable String nameSv,
    @Size(max = 300) @Nullable String nameEn,
    @Size(max = 1_000) @Nullable String summaryFi,
    @Size(max = 1_000) @Nullable String summarySv,
    @Size(max = 1_000) @Nullable String summaryEn,
    @Size(max = 20_000) @Nullable String descriptionFi,
    @Size(max = 20_000) @Nullable String descriptionSv,
    @Size(max = 20_000) @Nullable String descriptionEn,
    @Size(max = 40) @Nullable String type,
    @Size(max = 20) @Nullable List<@Size(max = 40) @Nullable String> lifeSituations,
    @Size(max = 10_000) @Nullable String targetGroups,
    @Size(max = 40) @Nullable List<@Size(max = 20) @Nullable String> areas,
    @Size(max = 10_000) @Nullable String municipalities,
    @Size(max = 10) @Nullable List<@Size(max = 3) @Nullable String> languages,
    @Size(max = 200) @Nullable String otherLanguages,
    @Size(max = 20) @Nullable String chargeType,
    @Size(max = 1_000) @Nullable String costInfoFi,
    @Size(max = 1_000) @Nullable String costInfoSv,
    @Size(max = 1_000) @Nullable String costInfoEn,
    @Size(max = 2_000) @Nullable String webPage,
    @Size(max = 40) @Nullable String phone,
    @Size(max = 7) @Nullable List<@Size(max = 10) @Nullable String> phoneOpens,
    @Size(max = 7) @Nullable List<@Size(max = 10) @Nullable String> phoneCloses,
    @Size(max = 200) @Nullable String street,
    @Size(max = 10) @Nullable String postalCode,
    @Size(max = 10) @Nullable String addressMunicipality,
    @Size(max = 7) @Nullable List<@Size(max = 10) @Nullable String> addressOpens,
    @Size(max = 7) @Nullable List<@Size(max = 10) @Nullable String> addressCloses,
    @Size(max = 2_000) @Nullable String eService,
    @Size(max = 40) @Nullable String generalDescription) {

  /**
   * The form's fields in page order: the error summary lists problems in this order. The opening
   * times are one field per channel ({@code phoneHours}, {@code addressHours}).
   */
  static final List<String> FIELDS =
      List.of(
          "nameFi",
          "nameSv",
          "nameEn",
          "summaryFi",
          "summarySv",
          "summaryEn",
          "descriptionFi",
          "descriptionSv",
          "descriptionEn",
          "type",
          "lifeSituations",
          "targetGroups",
          "areas",
          "municipalities",
          "languages",
          "otherLanguages",
          "chargeType",
          "costInfoFi",
          "costInfoSv",
          "costInfoEn",
          "webPage",
          "phone",
          "phoneHours",
          "street",
          "postalCode",
          "addressMunicipality",
          "addressHours",
          "eService",
          "generalDescription");

  /** The languages offered as boxes to tick; others are typed as codes. */
  static final List<String> TICKED_LANGUAGES = List.of("fi", "sv", "en");

  static final List<DayOfWeek> DAYS = List.of(DayOfWeek.values());

  private static final Pattern CHANNEL = Pattern.compile("channels\\[(\\d+)]\\.?(.*)");
  private static final Pattern TIME = Pattern.compile("(\\d{1,2})[.:](\\d{2})");

  static ServiceForm empty() {
    List<String> week = Collections.nCopies(7, "");
    return new ServiceForm(
        null, null, null, null, null, null, null, null, null, null, List.of(), null, List.of(),
        null, List.of(), null, null, null, null, null, null, null, week, week, null, null, null,
        week, week, null, null);
  }

  /**
   * The stored service as the form holds it.
   *
   * @param municipalityName the name of a municipality code in the reader's language
   */
  static ServiceForm of(OrganisationServices.Stored s, Function<String, String> municipalityName) {
    List<String> areas = new ArrayList<>();
    List<String> municipalities = new ArrayList<>();
    for (String area : s.areas()) {
      if (area.startsWith("municipality:")) {
        municipalities.add(municipalityName.apply(area.substring("municipality:".length())));
      } else {
        areas.add(area);
      }
    }
    List<String> ticked = s.languages().stream().filter(TICKED_LANGUAGES::contains).toList();
    List<String> other = s.languages().stream().filter(l -> !TICKED_LANGUAGES.contains(l)).toList();
    @Nullable Channel web = first(s.channels(), ChannelType.WEB_PAGE);
    @Nullable Channel phone = first(s.channels(), ChannelType.PHONE);
    @Nullable Channel address = first(s.channels(), ChannelType.VISITING_ADDRESS);
    @Nullable Channel eService = first(s.channels(), ChannelType.E_SERVICE);
    return new ServiceForm(
        s.name().get(Language.FI),
        s.name().get(Language.SV),
        s.name().get(Language.EN),
        s.summary().get(Language.FI),
        s.summary().get(Language.SV),
        s.summary().get(Language.EN),
        s.description().get(Language.FI),
        s.description().get(Language.SV),
        s.description().get(Language.EN),
        s.type(),
        s.lifeSituations(),
        String.join("\n", s.targetGroups()),
        areas,
        String.join(", ", municipalities),
        ticked,
        String.join(", ", other),
        s.chargeType(),
        s.costInfo().get(Language.FI),
        s.costInfo().get(Language.SV),
        s.costInfo().get(Language.EN),
        web == null ? null : web.url(),
        phone == null ? null : phone.phone(),
        week(phone, true),
        week(phone, false),
        address == null || address.address() == null ? null : address.address().street(),
        address == null || address.address() == null ? null : address.address().postalCode(),
        address == null || address.address() == null ? null : address.address().municipality(),
        week(address, true),
        week(address, false),
        eService == null ? null : eService.url(),
        s.generalDescription() == null ? null : s.generalDescription().toString());
  }

  private static @Nullable Channel first(List<Channel> channels, ChannelType type) {
    return channels.stream().filter(c -> c.type() == type).findFirst().orElse(null);
  }

  /** A channel's opening or closing times by weekday; the first period of a day where several. */
  private static List<String> week(@Nullable Channel channel, boolean opens) {
    List<String> times = new ArrayList<>(Collections.nCopies(7, ""));
    if (channel != null) {
      for (Hours h : channel.hours()) {
        for (DayOfWeek day : h.days()) {
          int i = day.getValue() - 1;
          if (times.get(i).isEmpty()) {
            times.set(i, (opens ? h.opens() : h.closes()).toString());
          }
        }
      }
    }
    return times;
  }

  /** Public for the template's expressions. */
  public boolean has(@Nullable List<@Nullable String> ticked, String value) {
    return ticked != null && ticked.contains(value);
  }

  /** The time typed for {@code day} in one of the week lists, for the template. */
  public String time(@Nullable List<@Nullable String> week, int day) {
    if (week == null || day >= week.size()) {
      return "";
    }
    String value = week.get(day);
    return value == null ? "" : value;
  }

  /** The municipalities typed, one entry each, as typed. */
  List<String> municipalityEntries() {
    return split(municipalities, "[,;\\n]+");
  }

  /** The languages ticked that are no box of the form (a form sent by hand). */
  List<String> unknownTickedLanguages() {
    return values(languages).stream().filter(l -> !TICKED_LANGUAGES.contains(l)).toList();
  }

  /** The channels the form sends, in the order of the JSON's {@code channels}. */
  List<ChannelType> channelTypes() {
    List<ChannelType> types = new ArrayList<>();
    if (PublishingForms.isText(webPage)) {
      types.add(ChannelType.WEB_PAGE);
    }
    if (PublishingForms.isText(phone) || anyText(phoneOpens) || anyText(phoneCloses)) {
      types.add(ChannelType.PHONE);
    }
    if (PublishingForms.isText(street)
        || PublishingForms.isText(postalCode)
        || PublishingForms.isText(addressMunicipality)
        || anyText(addressOpens)
        || anyText(addressCloses)) {
      types.add(ChannelType.VISITING_ADDRESS);
    }
    if (PublishingForms.isText(eService)) {
      types.add(ChannelType.E_SERVICE);
    }
    return types;
  }

  /**
   * The form field a field path of the reader ({@code channels[1].hours[0].opens}, {@code
   * cost.type}) comes from. A text in any language maps to its Finnish field, since the reader's
   * only complaint there that the form's own bounds leave (no name at all) concerns them all.
   */
  Optional<String> formField(@Nullable String path) {
    if (path == null) {
      return Optional.empty();
    }
    Matcher channel = CHANNEL.matcher(path);
    if (channel.matches()) {
      int index = Integer.parseInt(channel.group(1));
      List<ChannelType> types = channelTypes();
      if (index >= types.size()) {
        return Optional.empty();
      }
      return channelField(types.get(index), channel.group(2));
    }
    String head = path.split("[.\\[]", 2)[0];
    return Optional.ofNullable(
        switch (head) {
          case "name" -> "nameFi";
          case "summary" -> "summaryFi";
          case "description" -> "descriptionFi";
          case "type", "lifeSituations", "targetGroups", "areas", "generalDescription" -> head;
          case "languages" -> "otherLanguages";
          case "cost" -> path.startsWith("cost.info") ? "costInfoFi" : "chargeType";
          default -> null;
        });
  }

  private static Optional<String> channelField(ChannelType type, String rest) {
    boolean phoneLine = type == ChannelType.PHONE;
    if (rest.startsWith("hours")) {
      return Optional.of(phoneLine ? "phoneHours" : "addressHours");
    }
    if (rest.startsWith("url")) {
      return Optional.of(type == ChannelType.WEB_PAGE ? "webPage" : "eService");
    }
    if (rest.startsWith("phone")) {
      return Optional.of("phone");
    }
    if (rest.startsWith("address.postalCode")) {
      return Optional.of("postalCode");
    }
    if (rest.startsWith("address.municipality")) {
      return Optional.of("addressMunicipality");
    }
    if (rest.startsWith("address")) {
      return Optional.of("street");
    }
    return Optional.empty();
  }

  /**
   * The service as the documented JSON of one service, for the reader; blank fields are left out,
   * so the reader decides what is missing.
   *
   * @param providerId the provider's own id of the service
   * @param organisationName the organisation's names; the business ID where there are none
   * @param municipalityCodes the codes of the municipalities typed, found by the controller
   */
  byte[] toJson(
      String providerId,
      String businessId,
      Map<Language, String> organisationName,
      List<String> municipalityCodes) {
    JsonMapper json = JsonMapper.shared();
    ObjectNode node = json.createObjectNode();
    node.put("id", providerId);
    ObjectNode organisation = node.putObject("organisation");
    organisation.put("businessId", businessId);
    ObjectNode orgName = organisation.putObject("name");
    organisationName.forEach((language, name) -> orgName.put(language.code(), name));
    if (organisationName.isEmpty()) {
      orgName.put("fi", businessId);
    }
    texts(node, "name", nameFi, nameSv, nameEn);
    texts(node, "summary", summaryFi, summarySv, summaryEn);
    texts(node, "description", descriptionFi, descriptionSv, descriptionEn);
    PublishingForms.putIfText(node, "type", type);
    ArrayNode situations = node.putArray("lifeSituations");
    values(lifeSituations).forEach(situations::add);
    ArrayNode groups = node.putArray("targetGroups");
    split(targetGroups, "\\n+").forEach(groups::add);
    ArrayNode areaCodes = node.putArray("areas");
    values(areas).forEach(areaCodes::add);
    municipalityCodes.forEach(code -> areaCodes.add("municipality:" + code));
    ArrayNode serviceLanguages = node.putArray("languages");
    values(languages).forEach(serviceLanguages::add);
    split(otherLanguages, "[\\s,;]+").forEach(serviceLanguages::add);
    Map<String, @Nullable String> costInfo = new LinkedHashMap<>();
    costInfo.put("fi", costInfoFi);
    costInfo.put("sv", costInfoSv);
    costInfo.put("en", costInfoEn);
    if (PublishingForms.isText(chargeType)
        || costInfo.values().stream().anyMatch(PublishingForms::isText)) {
      ObjectNode cost = node.putObject("cost");
      PublishingForms.putIfText(cost, "type", chargeType);
      texts(cost, "info", costInfoFi, costInfoSv, costInfoEn);
    }
    ArrayNode channels = node.putArray("channels");
    for (ChannelType channelType : channelTypes()) {
      ObjectNode c = channels.addObject();
      c.put("type", channelType.name());
      switch (channelType) {
        case WEB_PAGE -> PublishingForms.putIfText(c, "url", webPage);
        case E_SERVICE -> PublishingForms.putIfText(c, "url", eService);
        case PHONE -> {
          PublishingForms.putIfText(c, "phone", phone);
          hours(c, phoneOpens, phoneCloses);
        }
        case VISITING_ADDRESS -> {
          ObjectNode address = c.putObject("address");
          PublishingForms.putIfText(address, "street", street);
          PublishingForms.putIfText(address, "postalCode", postalCode);
          PublishingForms.putIfText(address, "municipality", addressMunicipality);
          hours(c, addressOpens, addressCloses);
        }
      }
    }
    PublishingForms.putIfText(node, "generalDescription", generalDescription);
    return json.writeValueAsBytes(node);
  }

  private static void texts(
      ObjectNode node,
      String field,
      @Nullable String fi,
      @Nullable String sv,
      @Nullable String en) {
    ObjectNode texts = node.putObject(field);
    PublishingForms.putIfText(texts, "fi", fi);
    PublishingForms.putIfText(texts, "sv", sv);
    PublishingForms.putIfText(texts, "en", en);
  }

  /**
   * The week's times as the format's hours: days with the same times together, a day with neither
   * time left out, and a day with only one given sent so, for the reader to name what is missing.
   */
  private static void hours(
      ObjectNode channel,
      @Nullable List<@Nullable String> opens,
      @Nullable List<@Nullable String> closes) {
    Map<List<String>, List<DayOfWeek>> periods = new LinkedHashMap<>();
    for (int i = 0; i < DAYS.size(); i++) {
      String open = normalisedTime(opens, i);
      String close = normalisedTime(closes, i);
      if (!open.isEmpty() || !close.isEmpty()) {
        periods.computeIfAbsent(List.of(open, close), k -> new ArrayList<>()).add(DAYS.get(i));
      }
    }
    if (periods.isEmpty()) {
      return;
    }
    ArrayNode hours = channel.putArray("hours");
    periods.forEach(
        (times, days) -> {
          ObjectNode period = hours.addObject();
          ArrayNode dayNames = period.putArray("days");
          days.forEach(d -> dayNames.add(d.name()));
          PublishingForms.putIfText(period, "opens", times.get(0));
          PublishingForms.putIfText(period, "closes", times.get(1));
        });
  }

  /** A time as typed, stripped, with 9.00 or 9:00 written as 09:00 as the format has it. */
  private static String normalisedTime(@Nullable List<@Nullable String> week, int day) {
    String typed = week == null || day >= week.size() ? null : week.get(day);
    if (typed == null) {
      return "";
    }
    String value = typed.strip();
    Matcher m = TIME.matcher(value);
    if (m.matches()) {
      return (m.group(1).length() == 1 ? "0" : "") + m.group(1) + ":" + m.group(2);
    }
    return value;
  }

  private static boolean anyText(@Nullable List<@Nullable String> values) {
    return values != null && values.stream().anyMatch(PublishingForms::isText);
  }

  private static List<String> values(@Nullable List<@Nullable String> values) {
    if (values == null) {
      return List.of();
    }
    return values.stream().filter(PublishingForms::isText).map(String::strip).distinct().toList();
  }

  private static List<String> split(@Nullable String text, String separator) {
    String value = PublishingForms.stripped(text);
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(value.split(separator))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
