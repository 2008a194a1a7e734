package fi.osaava.guidance.internal;

import fi.osaava.notifications.NotificationMessage;
import fi.osaava.platform.Language;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A reminder's message in every language of the pages, its title and text from the bundles: the
 * notifications module shows it in the reader's language and mails it in the one they chose, so the
 * sender need not know which that is.
 */
@Component
class ReminderMessages {

  private final MessageSource messages;

  ReminderMessages(MessageSource messages) {
    this.messages = messages;
  }

  NotificationMessage message(String titleKey, String textKey, Object[] args, String link) {
    Map<Language, String> titles = new EnumMap<>(Language.class);
    Map<Language, String> texts = new EnumMap<>(Language.class);
    for (Language language : Language.UI) {
      titles.put(language, messages.getMessage(titleKey, args, language.locale()));
      texts.put(language, messages.getMessage(textKey, args, language.locale()));
    }
    return new NotificationMessage(titles, texts, link);
  }
}
