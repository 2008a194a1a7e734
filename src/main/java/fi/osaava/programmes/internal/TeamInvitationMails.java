package fi.osaava.programmes.internal;

import fi.osaava.notifications.NotificationMessage;
import fi.osaava.notifications.Notifications;
import fi.osaava.platform.Language;
import fi.osaava.programmes.internal.Teams.Invited;
import fi.osaava.programmes.internal.Teams.Team;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Invitations by e-mail: each invited address gets one mail through the notifications module's
 * outbox ({@link Notifications#mail}), written in every language of the pages and sent in the
 * language of the manager's page, with the invitation's own link. The token travels only in the
 * mail; the team keeps its hash.
 */
@Component
public class TeamInvitationMails {

  private final Teams teams;
  private final Notifications notifications;
  private final MessageSource messages;

  TeamInvitationMails(Teams teams, Notifications notifications, MessageSource messages) {
    this.teams = teams;
    this.notifications = notifications;
    this.messages = messages;
  }

  /** Makes an invitation per address and queues its mail, in one transaction. */
  @Transactional
  public List<Invited> invite(Team team, List<String> emails, Language language) {
    List<Invited> invited = teams.invite(team, emails);
    for (Invited i : invited) {
      Map<Language, String> titles = new EnumMap<>(Language.class);
      Map<Language, String> texts = new EnumMap<>(Language.class);
      for (Language l : Language.values()) {
        Locale locale = Locale.forLanguageTag(l.code());
        titles.put(
            l,
            messages.getMessage("programmes.teams.mail.title", new Object[] {team.name()}, locale));
        texts.put(
            l,
            messages.getMessage(
                "programmes.teams.mail.text",
                new Object[] {team.name(), team.organisation(), Teams.INVITATION_VALIDITY.toDays()},
                locale));
      }
      String link =
          UriComponentsBuilder.fromPath("/programmes/teams/join")
              .queryParam("token", i.token())
              .build()
              .toUriString();
      notifications.mail(
          i.email(),
          language,
          new NotificationMessage(titles, texts, link),
          "programmes:team-invitation:" + Teams.hash(i.token()));
    }
    return invited;
  }
}
