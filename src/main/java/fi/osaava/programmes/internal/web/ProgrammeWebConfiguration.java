package fi.osaava.programmes.internal.web;

import fi.osaava.web.SignedInArea;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The editors' pages and the teams' need sign-in even to read (drafts and teams are not public);
 * they check claims and membership too.
 */
@Configuration
class ProgrammeWebConfiguration {

  @Bean
  SignedInArea programmeEditingPages() {
    return new SignedInArea("/programmes/edit/**");
  }

  /** Teams are their members' and managers' only; even an invitation's page needs sign-in. */
  @Bean
  SignedInArea programmeTeamPages() {
    return new SignedInArea("/programmes/teams/**");
  }
}
