package fi.osaava.regionalintelligence.internal.forums;

import fi.osaava.community.CalendarFile;
import fi.osaava.notifications.MailAttachment;
import fi.osaava.regionalintelligence.internal.forums.ForumStore.EventDetails;
import fi.osaava.regionalintelligence.internal.forums.ForumStore.ForumEvent;
import java.util.List;
import java.util.UUID;

/**
 * A forum event's calendar file, written by the community's {@link CalendarFile}: the one to
 * download from the event's page and the one its registrants' mails carry are the same event under
 * the same UID and SEQUENCE, so a calendar that has either takes the other as a version of it.
 */
public final class ForumCalendar {

  private ForumCalendar() {}

  /** The event as a calendar entry; {@code page} is its page's absolute address. */
  public static CalendarFile.Event entry(ForumEvent event, String page) {
    EventDetails d = event.details();
    return new CalendarFile.Event(
        "forum-" + event.id() + "@osaava",
        event.sequence(),
        d.title(),
        d.agenda().isBlank() ? null : d.agenda(),
        d.start(),
        d.end(),
        d.where(),
        page,
        event.cancelled(),
        event.updatedAt());
  }

  /** The file's name, the same for every version of the event. */
  public static String fileName(UUID event) {
    return "osaava-forum-event-" + event + ".ics";
  }

  /**
   * The file to download: its newest version ({@code METHOD:PUBLISH}), and once cancelled a {@code
   * METHOD:CANCEL} one with {@code STATUS:CANCELLED}.
   *
   * @param forumTitle the calendar's name
   */
  public static String download(String forumTitle, ForumEvent event, String page) {
    CalendarFile.Event entry = entry(event, page);
    return event.cancelled()
        ? CalendarFile.writeCancellation(forumTitle, entry)
        : CalendarFile.write(forumTitle, List.of(entry));
  }

  /**
   * The file a registrant's mail carries: {@code METHOD:REQUEST} while the event stands, so that a
   * mail client adds it or updates the version it holds, and {@code METHOD:CANCEL} once cancelled,
   * so that it removes it. The part's media type names the same method (RFC 6047). An event's file
   * is far below {@link MailAttachment#MAX_BYTES}: its longest text, the agenda, is at most 20,000
   * characters.
   */
  static MailAttachment attachment(String forumTitle, ForumEvent event, String page) {
    CalendarFile.Event entry = entry(event, page);
    return event.cancelled()
        ? MailAttachment.text(
            fileName(event.id()),
            CalendarFile.CANCEL_MEDIA_TYPE,
            CalendarFile.writeCancellation(forumTitle, entry))
        : MailAttachment.text(
            fileName(event.id()),
            CalendarFile.REQUEST_MEDIA_TYPE,
            CalendarFile.writeRequest(forumTitle, entry));
  }
}
