package fi.osaava.guidance.internal;

import fi.osaava.profile.PersonId;
import fi.osaava.profile.PersonalDataHolder;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What guidance holds about a person: as a client, their plan steps, shared notes and comments in
 * the export, and everything about them (the organisations' private notes too) removed with the
 * account, and the invitations they made to counsellors and their reminder setting; as a
 * counsellor, their memberships (the name shown to clients) and invitation codes. A client's
 * consents are the profile's and go with it.
 */
@Component
class GuidancePersonalData implements PersonalDataHolder {

  private final JdbcClient jdbc;
  private final Counsellors counsellors;
  private final Invitations invitations;
  private final Plans plans;
  private final ClientInvitations clientInvitations;
  private final ClientReminders clientReminders;

  GuidancePersonalData(
      JdbcClient jdbc,
      Counsellors counsellors,
      Invitations invitations,
      Plans plans,
      ClientInvitations clientInvitations,
      ClientReminders clientReminders) {
    this.clientInvitations = clientInvitations;
    this.clientReminders = clientReminders;
    this.jdbc = jdbc;
    this.counsellors = counsellors;
    this.invitations = invitations;
    this.plans = plans;
  }

  @Override
  public String section() {
    return "guidance";
  }

  @Override
  public Object export(PersonId person) {
    return Map.of(
        "plans",
        plans.export(person),
        "clientInvitations",
        clientInvitations.export(person),
        "reminderSetting",
        clientReminders.export(person),
        "counsellorMemberships",
        jdbc.sql(
                "SELECT organisation_id, display_name, last_seen::text AS last_seen"
                    + " FROM guidance_counsellor WHERE person_id = ? ORDER BY organisation_id")
            .param(person.value())
            .query()
            .listOfRows(),
        "invitationCodes",
        jdbc.sql(
                "SELECT code, organisation_id, created_at::text AS created_at,"
                    + " expires_at::text AS expires_at, used_at::text AS used_at"
                    + " FROM guidance_invitation WHERE counsellor_id = ? ORDER BY created_at")
            .param(person.value())
            .query()
            .listOfRows());
  }

  @Override
  public void delete(PersonId person) {
    plans.forget(person);
    clientInvitations.forget(person);
    clientReminders.forget(person);
    invitations.forget(person);
    counsellors.forget(person);
  }
}
