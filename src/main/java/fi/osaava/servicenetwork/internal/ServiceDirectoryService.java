package fi.osaava.servicenetwork.internal;

import fi.osaava.platform.DataChanges;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import fi.osaava.servicenetwork.ServiceDirectory;
import fi.osaava.servicenetwork.ServiceImportReport;
import fi.osaava.servicenetwork.ServicesChanged;
import fi.osaava.servicenetwork.internal.importer.PtvReader;
import fi.osaava.servicenetwork.internal.importer.ServiceJsonReader;
import fi.osaava.servicenetwork.internal.importer.ServiceRecord;
import fi.osaava.servicenetwork.internal.importer.ServiceWriter;
import fi.osaava.servicenetwork.internal.search.ServiceIndexer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

/**
 * The directory's imports and the providers' push: each input is read and checked whole before
 * anything is stored, then written in one transaction that also counts up the dataset's version
 * ({@link DataChanges}); the service indexes what changed after the commit. The command-line tools
 * leave the index to the service, which holds it and rebuilds it when it hears of the change.
 */
@Service
public class ServiceDirectoryService implements ServiceDirectory {

  private final ServiceWriter writer;
  private final TransactionTemplate transactions;
  private final DataChanges dataChanges;
  private final ServiceIndexer indexer;
  private final RegionsApi regions;
  private final boolean service;
  private final ApplicationEventPublisher events;

  ServiceDirectoryService(
      ServiceWriter writer,
      TransactionTemplate transactions,
      DataChanges dataChanges,
      ServiceIndexer indexer,
      RegionsApi regions,
      ApplicationContext context,
      ApplicationEventPublisher events) {
    this.writer = writer;
    this.transactions = transactions;
    this.dataChanges = dataChanges;
    this.indexer = indexer;
    this.regions = regions;
    this.service = context instanceof WebApplicationContext;
    this.events = events;
  }

  @Override
  public ServiceImportReport importGeneralDescriptions(
      Path file, boolean allowShrink, ImportProgress progress) {
    String source = file.getFileName().toString();
    List<ServiceRecord> records = PtvReader.read(bytes(file), source);
    progress.report(records.size() + " general service descriptions read");
    return store(records, source, true, allowShrink);
  }

  @Override
  public ServiceImportReport importServices(Path file, ImportProgress progress) {
    String source = file.getFileName().toString();
    List<ServiceRecord> records = ServiceJsonReader.read(bytes(file), source, areas());
    progress.report(records.size() + " services read");
    return store(records, source, false, false);
  }

  /**
   * The providers' push: the documented format, all or nothing, nothing retired. A client publishes
   * only its own organisation's services: every record's {@code organisation.businessId} must be
   * the business ID an administrator registered the client for, and a client registered without one
   * (or not registered) may publish only services of organisations without a business ID.
   *
   * @param clientBusinessId the calling client's registered business ID, or null for none
   * @throws ForeignOrganisationException naming the first record's line that names another
   *     organisation; nothing is stored then
   */
  public ServiceImportReport publish(byte[] body, @Nullable String clientBusinessId) {
    String source = "request body";
    List<ServiceRecord> records = ServiceJsonReader.read(body, source, areas());
    for (ServiceRecord record : records) {
      String named = record.organisation() == null ? null : record.organisation().businessId();
      if (!Objects.equals(named, clientBusinessId)) {
        throw new ForeignOrganisationException(
            source,
            record.line(),
            clientBusinessId == null
                ? "the API client is registered for no organisation's business ID, so it may"
                    + " publish only services of organisations without one (an administrator"
                    + " registers the client's business ID)"
                : "must be "
                    + clientBusinessId
                    + ", the business ID the API client is registered"
                    + " for");
      }
    }
    return store(records, source, false, false);
  }

  /**
   * An organisation editor's form, turned into the documented JSON of one service, through the same
   * reader and writer as the push and the file import, so that the three give the same record,
   * events and index.
   *
   * @param businessId the editor's organisation: a record naming another is refused
   * @return the service's id
   * @throws InvalidInputException naming the record's field, as for a push; nothing is stored
   */
  public UUID publishForOrganisation(byte[] json, String businessId) {
    String source = "form";
    List<ServiceRecord> records = ServiceJsonReader.read(json, source, areas());
    ServiceRecord.Organisation organisation =
        records.size() == 1 ? records.getFirst().organisation() : null;
    if (organisation == null || !businessId.equals(organisation.businessId())) {
      throw new InvalidInputException(
          source, 0, "organisation", "must be one service of the editor's own organisation");
    }
    store(records, source, false, false);
    return records.getFirst().id();
  }

  /**
   * Withdraws an organisation's service from search, recommendations and the open data, or brings a
   * withdrawn one back; the record stays. Announced as any change is.
   *
   * @return false when the organisation has no such service, or it already was so
   */
  public boolean setActive(UUID id, String businessId, boolean active) {
    Optional<ServicesChanged.Change> change =
        transactions.execute(
            status -> {
              Optional<ServicesChanged.Change> c = writer.setActive(id, businessId, active);
              c.ifPresent(
                  done -> {
                    dataChanges.record(DATASET);
                    events.publishEvent(new ServicesChanged(List.of(done)));
                  });
              return c;
            });
    if (change == null || change.isEmpty()) {
      return false;
    }
    if (service) {
      indexer.reindex(Set.of(id));
    }
    return true;
  }

  private ServiceImportReport store(
      List<ServiceRecord> records, String source, boolean snapshot, boolean allowShrink) {
    ServiceWriter.Written written =
        transactions.execute(
            status -> {
              ServiceWriter.Written w =
                  writer.write(records, source, this::regionOf, snapshot, allowShrink);
              if (!w.changed().isEmpty()) {
                dataChanges.record(DATASET);
                events.publishEvent(new ServicesChanged(w.changes()));
              }
              return w;
            });
    if (service) {
      indexer.reindex(written.changed());
    }
    return new ServiceImportReport(
        source,
        records.size(),
        written.added(),
        written.updated(),
        written.unchanged(),
        written.retired());
  }

  private Optional<String> regionOf(String municipality) {
    return regions.area(AreaLevel.MUNICIPALITY, municipality).map(Area::regionCode);
  }

  private ServiceJsonReader.Areas areas() {
    return ServiceJsonReader.areas(
        code -> regions.area(AreaLevel.REGION, code).isPresent(),
        code -> regions.area(AreaLevel.MUNICIPALITY, code).isPresent());
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
