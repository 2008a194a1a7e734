package fi.osaava.regionalintelligence.internal.web;

import fi.osaava.platform.InvalidInputException;
import fi.osaava.regionalintelligence.internal.RegionalDevelopers;
import fi.osaava.regionalintelligence.internal.RegionalDevelopers.Developer;
import fi.osaava.regionalintelligence.internal.projects.ProjectData.Dataset;
import fi.osaava.regionalintelligence.internal.projects.ProjectData.Project;
import fi.osaava.regionalintelligence.internal.projects.ProjectFileReader;
import fi.osaava.regionalintelligence.internal.projects.ProjectFileReader.ProjectFileException;
import fi.osaava.regionalintelligence.internal.projects.ProjectRegistry;
import fi.osaava.regionalintelligence.internal.projects.ProjectStore;
import fi.osaava.regionalintelligence.internal.projects.ProjectStore.StoredProject;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /regional-projects/manage/import}: a regional developer uploads a CSV or JSON file of
 * actors and projects, and the command line's importer ({@link ProjectRegistry#importDataset})
 * stores all of it under the organisation of their claims, or nothing. The owner is never read from
 * the file or the form. The same owners as for editing ({@link RegionalDevelopers}): anyone else
 * signed in gets 403.
 */
@Controller
@RequestMapping("/regional-projects/manage/import")
class ProjectUploadController {

  /**
   * How large an upload may be: a region's registry is far smaller, and the container stops any
   * request over 10 MB before it reaches us ({@code spring.servlet.multipart}).
   */
  static final int MAX_BYTES = 2 << 20;

  /** The bad records listed on the page; the summary counts the rest. */
  static final int MAX_SHOWN = 50;

  private static final Set<String> EXTENSIONS = Set.of("csv", "json");

  /**
   * What browsers send for a CSV or JSON file: spreadsheet programs register CSV as Excel's, and a
   * browser that knows neither sends octet-stream. Anything else (an image, a PDF) is refused.
   */
  private static final Set<String> CONTENT_TYPES =
      Set.of(
          "text/csv",
          "application/csv",
          "text/comma-separated-values",
          "application/vnd.ms-excel",
          "text/plain",
          "application/json",
          "text/json",
          "application/octet-stream");

  private final RegionalDevelopers developers;
  private final ProjectRegistry registry;
  private final ProjectStore store;
  private final MessageSource messages;

  ProjectUploadController(
      RegionalDevelopers developers,
      ProjectRegistry registry,
      ProjectStore store,
      MessageSource messages) {
    this.developers = developers;
    this.registry = registry;
    this.store = store;
    this.messages = messages;
  }

  /** A refusal as the error summary lists it: where, if a line is known, and what. */
  record UploadError(long line, @Nullable String field, String text) {}

  @GetMapping
  String form(Authentication auth, Model model) {
    return page(developer(auth), List.of(), 0, model);
  }

  /**
   * Imports the file and shows the outcome on this page rather than redirecting: the import upserts
   * by ids, so sending the same file again (a reload) stores the same rows.
   */
  @PostMapping
  String upload(
      @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
      Authentication auth,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    Developer developer = developer(auth);
    String name = file == null ? "" : fileName(String.valueOf(file.getOriginalFilename()));
    String refusal = refusal(file, name);
    if (file == null || refusal != null) {
      return refused(
          developer,
          List.of(
              general(
                  Objects.requireNonNullElse(refusal, "ri.pr.upload.error.choose"), name, locale)),
          0,
          model,
          response);
    }
    try {
      byte[] bytes = file.getBytes();
      String extension = extension(name);
      if (ProjectFileReader.isJson(bytes) != extension.equals("json")) {
        return refused(
            developer,
            List.of(general("ri.pr.upload.error.notThatKind", name, locale)),
            0,
            model,
            response);
      }
      Dataset stored = registry.importDataset(bytes, name, developer.organisation());
      Set<String> keys =
          stored.projects().stream().map(Project::key).collect(Collectors.toUnmodifiableSet());
      List<StoredProject> projects =
          store.projects(developer.organisation()).stream()
              .filter(p -> keys.contains(p.key()))
              .toList();
      model.addAttribute("importedActors", stored.actors().size());
      model.addAttribute("importedProjects", projects);
      model.addAttribute("fileName", name);
      return page(developer, List.of(), 0, model);
    } catch (ProjectFileException e) {
      List<UploadError> errors = new ArrayList<>();
      for (ProjectFileReader.Problem p :
          e.problems().subList(0, Math.min(MAX_SHOWN, e.problems().size()))) {
        errors.add(
            new UploadError(
                p.line(),
                p.field(),
                Objects.requireNonNullElse(
                    messages.getMessage("ri.pr.error." + p.code(), null, p.text(), locale),
                    p.text())));
      }
      return refused(developer, errors, e.problems().size(), model, response);
    } catch (InvalidInputException e) {
      // The file could not be read as records at all (its encoding, its header, its JSON): the
      // reader's own words say where.
      return refused(
          developer,
          List.of(new UploadError(e.line(), e.field(), e.problem())),
          1,
          model,
          response);
    } catch (IOException e) {
      return refused(
          developer,
          List.of(general("ri.pr.upload.error.unreadable", name, locale)),
          0,
          model,
          response);
    }
  }

  /** A file over the container's own limit never reaches {@link #upload}'s checks. */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  String tooLarge(Authentication auth, Model model, Locale locale, HttpServletResponse response) {
    return refused(
        developer(auth),
        List.of(general("ri.pr.upload.error.tooLarge", "", locale)),
        0,
        model,
        response);
  }

  /** Why the upload is refused before its content is read, as a message key; null if it is not. */
  private static @Nullable String refusal(@Nullable MultipartFile file, String name) {
    if (file == null || name.isEmpty() || name.equals("null")) {
      return "ri.pr.upload.error.choose";
    }
    if (!EXTENSIONS.contains(extension(name))) {
      return "ri.pr.upload.error.extension";
    }
    String type = file.getContentType();
    if (type != null
        && !type.isBlank()
        && !CONTENT_TYPES.contains(type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))) {
      return "ri.pr.upload.error.contentType";
    }
    if (file.isEmpty()) {
      return "ri.pr.upload.error.empty";
    }
    if (file.getSize() > MAX_BYTES) {
      return "ri.pr.upload.error.tooLarge";
    }
    return null;
  }

  /**
   * The name the messages call the file by: its last path segment (some browsers send the path),
   * shortened so that a hostile name cannot fill the page.
   */
  private static String fileName(String sent) {
    String name = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
    return name.strip().substring(0, Math.min(name.strip().length(), 200));
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private UploadError general(String key, String name, Locale locale) {
    return new UploadError(
        0, null, messages.getMessage(key, new Object[] {name, MAX_BYTES / (1024 * 1024)}, locale));
  }

  private String refused(
      Developer developer,
      List<UploadError> errors,
      int count,
      Model model,
      HttpServletResponse response) {
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return page(developer, errors, Math.max(count, errors.size()), model);
  }

  private String page(Developer developer, List<UploadError> errors, int count, Model model) {
    model.addAttribute("organisation", developer.organisation());
    model.addAttribute("uploadErrors", errors);
    model.addAttribute("errorCount", count);
    model.addAttribute("maxMegabytes", MAX_BYTES / (1024 * 1024));
    // With spaces after the commas, so that the line wraps on a narrow screen.
    model.addAttribute("csvColumns", String.join(", ", ProjectFileReader.CSV_COLUMNS));
    return "regionalintelligence/projects-import";
  }

  private Developer developer(@Nullable Authentication auth) {
    return developers
        .developer(auth)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "Only regional developers import actors and projects"));
  }
}
