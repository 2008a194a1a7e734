package fi.osaava.notifications.internal;

import fi.osaava.notifications.MailAttachment;
import fi.osaava.notifications.NotificationMessage;
import fi.osaava.notifications.Notifications;
import fi.osaava.platform.Language;
import fi.osaava.profile.PersonId;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inbox and the outbox: a message goes into the person's inbox and, when they take mail, a row
 * in the outbox, both in the caller's transaction; its idempotency key makes a repeat a no-op.
 */
@Service
class Inbox implements Notifications {

  /** One message as the inbox page shows it. */
  record Entry(
      UUID id, String title, String text, @Nullable String link, Instant created, boolean read) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final Recipients recipients;

  Inbox(JdbcClient jdbc, Recipients recipients) {
    this.jdbc = jdbc;
    this.recipients = recipients;
  }

  @Override
  @Transactional
  public boolean send(PersonId person, NotificationMessage message, String key) {
    return add(person.value(), null, message, key);
  }

  @Override
  @Transactional
  public boolean mail(String address, Language language, NotificationMessage message, String key) {
    MailAttachment file = message.attachment();
    return jdbc.sql(
                """
                insert into nt_address_outbox (id, email, language, titles, texts, link,
                  idempotency_key, attachment_name, attachment_media_type, attachment_content)
                values (?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?, ?)
                on conflict (idempotency_key) do nothing
                """)
            .param(1, UUID.randomUUID())
            .param(2, address)
            .param(3, language.code())
            .param(4, json(message.titles()))
            .param(5, json(message.texts()))
            .param(6, message.link())
            .param(7, key)
            .param(8, file == null ? null : file.fileName())
            .param(9, file == null ? null : file.mediaType())
            .param(10, file == null ? null : file.content())
            .update()
        > 0;
  }

  @Override
  @Transactional
  public int withdrawMail(Collection<String> keys) {
    if (keys.isEmpty()) {
      return 0;
    }
    // The outbox sends a row while holding it locked and deletes it in the same transaction, so a
    // row being sent makes this wait and then finds it gone.
    return jdbc.sql("delete from nt_address_outbox where idempotency_key = any(?)")
        .param(keys.toArray(String[]::new))
        .update();
  }

  /**
   * Adds a message and, when the person takes mail, its outbox row; false when the key was seen.
   */
  @Transactional
  boolean add(UUID person, @Nullable UUID savedSearch, NotificationMessage message, String key) {
    UUID id = UUID.randomUUID();
    int added =
        jdbc.sql(
                """
                insert into nt_inbox (id, person_id, idempotency_key, saved_search_id, titles, texts, link)
                values (?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?)
                on conflict (idempotency_key) do nothing
                """)
            .param(1, id)
            .param(2, person)
            .param(3, key)
            .param(4, savedSearch)
            .param(5, json(message.titles()))
            .param(6, json(message.texts()))
            .param(7, message.link())
            .update();
    if (added == 0) {
      return false;
    }
    if (recipients.of(person).map(Recipients.Recipient::mails).orElse(false)) {
      // The attachment is the mail's alone: kept with the outbox row, not in the inbox.
      MailAttachment file = message.attachment();
      jdbc.sql(
              """
              insert into nt_outbox (inbox_id, person_id, attachment_name, attachment_media_type,
                attachment_content)
              values (?, ?, ?, ?, ?)
              """)
          .param(1, id)
          .param(2, person)
          .param(3, file == null ? null : file.fileName())
          .param(4, file == null ? null : file.mediaType())
          .param(5, file == null ? null : file.content())
          .update();
    }
    return true;
  }

  List<Entry> of(PersonId person, Language language) {
    return jdbc.sql(
            "select id, titles, texts, link, created_at, read_at from nt_inbox where person_id = ?"
                + " order by created_at desc, id limit 200")
        .param(person.value())
        .query(
            (rs, n) ->
                new Entry(
                    rs.getObject(1, UUID.class),
                    NotificationMessage.pickText(texts(rs.getString(2)), language),
                    NotificationMessage.pickText(texts(rs.getString(3)), language),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant(),
                    rs.getTimestamp(6) != null))
        .list();
  }

  long unread(PersonId person) {
    return jdbc.sql("select count(*) from nt_inbox where person_id = ? and read_at is null")
        .param(person.value())
        .query(Long.class)
        .single();
  }

  void markAllRead(PersonId person) {
    jdbc.sql("update nt_inbox set read_at = now() where person_id = ? and read_at is null")
        .param(person.value())
        .update();
  }

  /** One message as stored, for the mail: its texts by language. */
  Optional<NotificationMessage> message(UUID inboxId) {
    return jdbc.sql("select titles, texts, link from nt_inbox where id = ?")
        .param(inboxId)
        .query(
            (rs, n) ->
                new NotificationMessage(
                    texts(rs.getString(1)), texts(rs.getString(2)), rs.getString(3)))
        .optional();
  }

  private static String json(Map<Language, String> texts) {
    Map<String, String> byCode = new java.util.TreeMap<>();
    texts.forEach((language, text) -> byCode.put(language.code(), text));
    return JSON.writeValueAsString(byCode);
  }

  static Map<Language, String> texts(String json) {
    Map<String, String> byCode = JSON.readValue(json, new TypeReference<Map<String, String>>() {});
    Map<Language, String> texts = new EnumMap<>(Language.class);
    byCode.forEach((code, text) -> Language.fromCode(code).ifPresent(l -> texts.put(l, text)));
    return texts;
  }
}
