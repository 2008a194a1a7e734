package fi.osaava.opendata.internal.web;

import fi.osaava.opendata.internal.ApiAdministrators;
import fi.osaava.opendata.internal.ApiClients;
import fi.osaava.opendata.internal.ApiClients.ApiClient;
import fi.osaava.opendata.internal.ApiProperties;
import fi.osaava.opendata.internal.ApiQuotas;
import fi.osaava.opendata.internal.ApiUsage;
import fi.osaava.platform.BusinessId;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The administrators' page of API clients: register a client (or change its registration) with its
 * quota, remove a registration, and read every client's requests per day. Only a signed-in person
 * whose role claim names an administrator role ({@link ApiAdministrators}) sees it; anyone else
 * signed in gets 403.
 */
@Controller
class ApiClientsController {

  static final String PATH = "/admin/api-clients";

  /** How many days of usage the page shows. */
  static final int DAYS = 30;

  /**
   * One client's line on the page.
   *
   * @param registration null for a client that no administrator registered
   * @param days requests per day, newest first, days without requests left out
   */
  record ClientUsage(
      String clientId,
      @Nullable ApiClient registration,
      int quota,
      long today,
      long total,
      long refused,
      List<ApiUsage.Day> days) {}

  private final ApiAdministrators administrators;
  private final ApiClients clients;
  private final ApiUsage usage;
  private final ApiQuotas quotas;
  private final ApiProperties properties;

  ApiClientsController(
      ApiAdministrators administrators,
      ApiClients clients,
      ApiUsage usage,
      ApiQuotas quotas,
      ApiProperties properties) {
    this.administrators = administrators;
    this.clients = clients;
    this.usage = usage;
    this.quotas = quotas;
    this.properties = properties;
  }

  @GetMapping(PATH)
  String page(Authentication auth, Model model) {
    requireAdministrator(auth);
    if (!model.containsAttribute("apiClientForm")) {
      model.addAttribute(
          "apiClientForm", ApiClientForm.empty(properties.clientRequestsPerMinute()));
    }
    // What this node counted since its last write, so that the figures are up to the minute.
    usage.flush();
    List<ApiClient> registered = clients.all();
    Map<String, ApiClient> byId =
        registered.stream().collect(Collectors.toMap(ApiClient::clientId, Function.identity()));
    Map<String, List<ApiUsage.Day>> days = new LinkedHashMap<>(usage.lastDays(DAYS));
    registered.forEach(c -> days.putIfAbsent(c.clientId(), List.of()));
    java.time.LocalDate today = usage.today();
    List<ClientUsage> lines = new ArrayList<>();
    days.forEach(
        (id, list) -> {
          ApiClient registration = byId.get(id);
          int quota =
              id.equals(ApiUsage.ANONYMOUS)
                  ? properties.anonymousRequestsPerMinute()
                  : registration == null
                      ? properties.clientRequestsPerMinute()
                      : registration.requestsPerMinute();
          lines.add(
              new ClientUsage(
                  id,
                  registration,
                  quota,
                  list.stream()
                      .filter(d -> d.day().equals(today))
                      .mapToLong(ApiUsage.Day::requests)
                      .sum(),
                  list.stream().mapToLong(ApiUsage.Day::requests).sum(),
                  list.stream().mapToLong(ApiUsage.Day::refused).sum(),
                  list));
        });
    model.addAttribute("clients", lines);
    model.addAttribute("days", DAYS);
    model.addAttribute("anonymous", ApiUsage.ANONYMOUS);
    model.addAttribute("signedIn", ApiUsage.SIGNED_IN);
    model.addAttribute("anonymousQuota", properties.anonymousRequestsPerMinute());
    model.addAttribute("defaultQuota", properties.clientRequestsPerMinute());
    return "opendata/api-clients";
  }

  @PostMapping(PATH)
  String register(
      @Valid @ModelAttribute("apiClientForm") ApiClientForm form,
      BindingResult errors,
      Authentication auth,
      Model model) {
    String administrator = requireAdministrator(auth);
    int perMinute = 0;
    if (!errors.hasFieldErrors("requestsPerMinute")) {
      perMinute = Integer.parseInt(Objects.requireNonNull(form.requestsPerMinute()));
      if (perMinute < 1 || perMinute > ApiClientForm.MAX_PER_MINUTE) {
        errors.rejectValue("requestsPerMinute", "Max.apiClientForm.requestsPerMinute");
      }
    }
    String businessId =
        form.businessId() == null || form.businessId().isBlank() ? null : form.businessId().strip();
    if (businessId != null
        && !errors.hasFieldErrors("businessId")
        && !BusinessId.isValid(businessId)) {
      errors.rejectValue("businessId", "Valid.apiClientForm.businessId");
    }
    if (errors.hasErrors()) {
      return page(auth, model);
    }
    String clientId = Objects.requireNonNull(form.clientId()).strip();
    clients.save(
        clientId,
        Objects.requireNonNull(form.name()).strip(),
        Objects.requireNonNull(form.organisation()).strip(),
        businessId,
        Objects.requireNonNull(form.contactEmail()).strip(),
        perMinute,
        administrator);
    quotas.changed(clientId);
    return "redirect:" + PATH + "?saved";
  }

  @PostMapping(PATH + "/remove")
  String remove(
      @RequestParam(name = "clientId", required = false) String clientId, Authentication auth) {
    requireAdministrator(auth);
    if (clientId == null || !clients.remove(clientId)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such registered client");
    }
    quotas.changed(clientId);
    return "redirect:" + PATH + "?removed";
  }

  private String requireAdministrator(Authentication auth) {
    return administrators
        .administrator(auth)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "Only administrators register API clients"));
  }
}
