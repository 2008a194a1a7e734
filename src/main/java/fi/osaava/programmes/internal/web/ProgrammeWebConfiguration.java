package fi.osaava.programmes.internal.web;

import fi.osaava.web.SignedInArea;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The editors' pages need sign-in even to read (drafts are not public); they check claims too. */
@Configuration
class ProgrammeWebConfiguration {

  @Bean
  SignedInArea programmeEditingPages() {
    return new SignedInArea("/programmes/edit/**");
  }
}
