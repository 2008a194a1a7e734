package fi.osaava.community;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.DateEnd;
import biweekly.property.DateStart;
import biweekly.property.Method;
import biweekly.property.Status;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An iCalendar (RFC 5545) file of events: one event to download, or a group's whole calendar to
 * subscribe to. Written with biweekly, times in UTC (so no VTIMEZONE is needed and every calendar
 * shows them in its own zone). A calendar recognises an event again by its {@code UID} and takes a
 * higher {@code SEQUENCE} as the newer version; a cancelled event stays in the feed with {@code
 * STATUS:CANCELLED}, so that subscribers' calendars remove it. Public so that other modules with
 * events (the regional forums, issue 18) write their files the same way.
 */
public final class CalendarFile {

  /** The media type of the files. */
  public static final String MEDIA_TYPE = "text/calendar";

  /**
   * The media type of a mailed {@link #writeRequest} file (RFC 6047: the part names the method).
   */
  public static final String REQUEST_MEDIA_TYPE = MEDIA_TYPE + "; method=REQUEST; charset=UTF-8";

  /** The media type of a mailed {@link #writeCancellation} file. */
  public static final String CANCEL_MEDIA_TYPE = MEDIA_TYPE + "; method=CANCEL; charset=UTF-8";

  private static final String PRODUCT = "-//Osaava//Osaava events//EN";

  private CalendarFile() {}

  /**
   * One event of a calendar.
   *
   * @param uid stays the same across the event's changes, such as {@code <uuid>@osaava}
   * @param sequence raised by every change, from 0
   * @param summary the title, in the reader's language
   * @param description plain text (an agenda's Markdown as written), or null
   * @param location a place, an online link, or both, or null
   * @param url the event's page, absolute, or null
   * @param lastModified when the event last changed (also the DTSTAMP)
   */
  public record Event(
      String uid,
      int sequence,
      String summary,
      @Nullable String description,
      Instant start,
      Instant end,
      @Nullable String location,
      @Nullable String url,
      boolean cancelled,
      Instant lastModified) {

    public Event {
      Objects.requireNonNull(uid, "uid");
      Objects.requireNonNull(summary, "summary");
      if (!end.isAfter(start)) {
        throw new IllegalArgumentException("An event ends after it starts");
      }
      if (sequence < 0) {
        throw new IllegalArgumentException("A SEQUENCE is never negative");
      }
    }
  }

  /**
   * The calendar's text.
   *
   * @param name the calendar's name as a subscriber's calendar shows it (NAME and X-WR-CALNAME)
   */
  public static String write(String name, List<Event> events) {
    return write(name, events, Method.publish());
  }

  /**
   * A cancelled event's own file (RFC 5546 {@code METHOD:CANCEL}, with {@code STATUS:CANCELLED} and
   * the raised SEQUENCE), which makes a calendar that imports it remove the event it holds under
   * the same UID. A feed keeps {@link #write}'s {@code PUBLISH}: a calendar file mixes no methods.
   */
  public static String writeCancellation(String name, Event event) {
    if (!event.cancelled()) {
      throw new IllegalArgumentException("Only a cancelled event is written as a cancellation");
    }
    return write(name, List.of(event), Method.cancel());
  }

  /**
   * A standing event's own file to mail to someone registered (RFC 5546 {@code METHOD:REQUEST}, the
   * event's current SEQUENCE): a mail client adds the event to the reader's calendar, or replaces
   * the version it holds under the same UID with a lower SEQUENCE. The mail's part says the same
   * method ({@link #REQUEST_MEDIA_TYPE}). It names no ORGANIZER or ATTENDEE: Osaava does not keep
   * the organisers' calendars, so there is nobody to reply to.
   */
  public static String writeRequest(String name, Event event) {
    if (event.cancelled()) {
      throw new IllegalArgumentException("A cancelled event is written as a cancellation");
    }
    return write(name, List.of(event), Method.request());
  }

  private static String write(String name, List<Event> events, Method method) {
    ICalendar calendar = new ICalendar();
    calendar.setProductId(PRODUCT);
    calendar.setMethod(method);
    calendar.setName(name);
    // Most calendar programs still read the older, unofficial name property only.
    calendar.setExperimentalProperty("X-WR-CALNAME", name);
    for (Event event : events) {
      VEvent v = new VEvent();
      v.setUid(event.uid());
      v.setSequence(event.sequence());
      v.setSummary(event.summary());
      v.setDescription(event.description());
      v.setDateStart(new DateStart(Date.from(event.start()), true));
      v.setDateEnd(new DateEnd(Date.from(event.end()), true));
      v.setLocation(event.location());
      if (event.url() != null) {
        v.setUrl(event.url());
      }
      v.setStatus(event.cancelled() ? Status.cancelled() : Status.confirmed());
      v.setDateTimeStamp(Date.from(event.lastModified()));
      v.setLastModified(Date.from(event.lastModified()));
      calendar.addEvent(v);
    }
    return Biweekly.write(calendar).go();
  }
}
