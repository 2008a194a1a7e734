package fi.osaava.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import fi.osaava.notifications.MailAttachment;
import fi.osaava.notifications.NotificationMessage;
import fi.osaava.notifications.Notifications;
import fi.osaava.platform.Language;
import fi.osaava.profile.PersonId;
import fi.osaava.web.WebTestBase;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files that travel with a mail, on the real database and the in-process mail server: kept with the
 * outbox row until the mail goes (then cleared), sent as a multipart mail whose part has the file's
 * name, media type and bytes; a message without one is the plain text mail it always was; a digest
 * carries the newest file of each name; an idempotency key still adds nothing twice; a file over
 * 256 KiB, a file name with a path or a broken media type is refused before anything is stored.
 */
class MailAttachmentsTest extends WebTestBase {

  @Autowired Notifications notifications;
  @Autowired Recipients recipients;
  @Autowired MailOutbox outbox;
  @Autowired GreenMail mailServer;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  private static final String CALENDAR = "text/calendar; method=REQUEST; charset=UTF-8";

  private static NotificationMessage message(String title) {
    return new NotificationMessage(Map.of(Language.FI, title), Map.of(), "/guidance");
  }

  private static MailAttachment calendar(String name, String text) {
    return MailAttachment.text(name, CALENDAR, text);
  }

  @Test
  void aPersonsMailCarriesItsFileAndAPlainMessageStaysPlainText() throws Exception {
    String address = "files-" + run + "@example.fi";
    PersonId person = new PersonId(UUID.randomUUID());
    recipients.save(person, address, Recipients.Frequency.IMMEDIATE, Language.FI);
    String ics = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nX-TEST:" + run + " äö\r\nEND:VCALENDAR\r\n";
    MailAttachment file = calendar("event-" + run + ".ics", ics);
    String key = "files-test:" + run;
    assertThat(
            notifications.send(person, message("Liitteellinen " + run).withAttachment(file), key))
        .isTrue();
    // The same key again adds nothing, file or not.
    assertThat(notifications.send(person, message("Toinen").withAttachment(file), key)).isFalse();
    assertThat(notifications.send(person, message("Pelkkä teksti " + run), key + ":plain"))
        .isTrue();
    // The file waits with the outbox row, in the database, for whichever round sends it.
    assertThat(
            jdbc.sql(
                    "select attachment_content from nt_outbox where person_id = ?"
                        + " and attachment_name is not null")
                .param(person.value())
                .query(byte[].class)
                .list())
        .singleElement()
        .isEqualTo(ics.getBytes(StandardCharsets.UTF_8));
    // The inbox shows the message without the file.
    assertThat(
            jdbc.sql("select count(*) from nt_inbox where person_id = ?")
                .param(person.value())
                .query(Integer.class)
                .single())
        .isEqualTo(2);

    sendDue();
    List<MimeMessage> mails = SavedSearchSteps.mailsTo(mailServer, address);
    assertThat(mails).hasSize(2);
    MimeMessage withFile =
        mails.stream()
            .filter(m -> subject(m).equals("Liitteellinen " + run))
            .findFirst()
            .orElseThrow();
    assertThat(withFile.getContentType()).startsWith("multipart/mixed");
    Multipart parts = (Multipart) withFile.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(String.valueOf(parts.getBodyPart(0).getContent()))
        .contains("Liitteellinen " + run, "/guidance");
    BodyPart attached = parts.getBodyPart(1);
    assertThat(attached.getDisposition()).isEqualTo(Part.ATTACHMENT);
    assertThat(attached.getFileName()).isEqualTo("event-" + run + ".ics");
    assertThat(attached.getContentType()).startsWith("text/calendar").contains("method=REQUEST");
    assertThat(bytes(attached)).isEqualTo(ics.getBytes(StandardCharsets.UTF_8));
    // The one-click unsubscribe headers are there as in every person's mail.
    assertThat(withFile.getHeader("List-Unsubscribe-Post"))
        .containsExactly("List-Unsubscribe=One-Click");

    // Without a file, the mail is the single plain text part it always was.
    MimeMessage plain =
        mails.stream()
            .filter(m -> subject(m).equals("Pelkkä teksti " + run))
            .findFirst()
            .orElseThrow();
    assertThat(plain.getContentType()).startsWith("text/plain");
    assertThat(plain.getContent()).isInstanceOf(String.class);

    // Once sent, the file is not kept.
    assertThat(
            jdbc.sql(
                    "select count(*) from nt_outbox where person_id = ? and (sent_at is null"
                        + " or attachment_content is not null)")
                .param(person.value())
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void aMailToAnAddressCarriesItsFileAndADigestTheNewestOfEachName() throws Exception {
    String guest = "guest-files-" + run + "@example.fi";
    MailAttachment cancel =
        MailAttachment.text(
            "cancel-" + run + ".ics",
            "text/calendar; method=CANCEL; charset=UTF-8",
            "BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n");
    assertThat(
            notifications.mail(
                guest,
                Language.SV,
                message("Inställt " + run).withAttachment(cancel),
                "files-test:address:" + run))
        .isTrue();

    String weekly = "digest-files-" + run + "@example.fi";
    PersonId person = new PersonId(UUID.randomUUID());
    recipients.save(person, weekly, Recipients.Frequency.WEEKLY, Language.FI);
    String name = "event-" + run + ".ics";
    notifications.send(
        person, message("Muutos 1").withAttachment(calendar(name, "SEQUENCE:1")), run + ":1");
    notifications.send(person, message("Ilman"), run + ":2");
    notifications.send(
        person, message("Muutos 2").withAttachment(calendar(name, "SEQUENCE:2")), run + ":3");
    notifications.send(
        person,
        message("Toinen tapahtuma").withAttachment(calendar("other-" + run + ".ics", "OTHER")),
        run + ":4");

    sendDue();
    MimeMessage toGuest = SavedSearchSteps.mailsTo(mailServer, guest).getFirst();
    Multipart guestParts = (Multipart) toGuest.getContent();
    assertThat(guestParts.getBodyPart(1).getFileName()).isEqualTo("cancel-" + run + ".ics");
    assertThat(guestParts.getBodyPart(1).getContentType()).contains("method=CANCEL");
    assertThat(new String(bytes(guestParts.getBodyPart(1)), StandardCharsets.UTF_8))
        .contains("METHOD:CANCEL");

    List<MimeMessage> digests = SavedSearchSteps.mailsTo(mailServer, weekly);
    assertThat(digests).hasSize(1);
    Multipart digest = (Multipart) digests.getFirst().getContent();
    List<String> files = new ArrayList<>();
    for (int i = 1; i < digest.getCount(); i++) {
      BodyPart part = digest.getBodyPart(i);
      files.add(part.getFileName() + "=" + new String(bytes(part), StandardCharsets.UTF_8));
    }
    // The event's second version replaced its first; the other event's file is there too.
    assertThat(files).containsExactly(name + "=SEQUENCE:2", "other-" + run + ".ics=OTHER");
  }

  @Test
  void anOversizedFileABadNameOrABadMediaTypeIsRefused() {
    byte[] most = new byte[MailAttachment.MAX_BYTES];
    assertThat(new MailAttachment("most.bin", "application/octet-stream", most).size())
        .isEqualTo(256 * 1024);
    assertThatThrownBy(
            () -> new MailAttachment("big.ics", CALENDAR, new byte[MailAttachment.MAX_BYTES + 1]))
        .isInstanceOf(MailAttachment.TooLarge.class)
        .hasMessageContaining("at most 262144 bytes")
        .hasMessageContaining("big.ics");
    for (String name :
        List.of("", "../etc/passwd", "a/b.ics", "a\\b.ics", ".hidden", "x\r\ny.ics", "\"q\".ics")) {
      assertThatThrownBy(() -> new MailAttachment(name, CALENDAR, new byte[1]))
          .as(name)
          .isInstanceOf(IllegalArgumentException.class)
          .isNotInstanceOf(MailAttachment.TooLarge.class);
    }
    for (String type : List.of("", "calendar", "text/*", "text/calendar\r\nBcc: x@example.fi")) {
      assertThatThrownBy(() -> new MailAttachment("a.ics", type, new byte[1]))
          .as(type)
          .isInstanceOf(IllegalArgumentException.class);
    }
    // The array handed over is copied: changing it later changes no queued mail.
    byte[] bytes = {1, 2, 3};
    MailAttachment file = new MailAttachment("a.bin", "application/octet-stream", bytes);
    bytes[0] = 9;
    assertThat(file.content()).containsExactly(1, 2, 3);
  }

  /**
   * One round of the outbox, and then a wait for a scheduled round that may be sending at the same
   * moment (it holds its rows locked).
   */
  private void sendDue() {
    outbox.sendDue();
    transactions.executeWithoutResult(
        status -> {
          jdbc.sql("select id from nt_address_outbox for update").query(UUID.class).list();
          jdbc.sql("select inbox_id from nt_outbox where sent_at is null for update")
              .query(UUID.class)
              .list();
        });
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(Part part) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    part.getDataHandler().writeTo(out);
    return out.toByteArray();
  }
}
