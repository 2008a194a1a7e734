package fi.osaava.community.internal.web;

import fi.osaava.web.SignedInArea;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The moderators' and editors' pages need sign-in even to read; they check claims too. */
@Configuration
class CommunityWebConfiguration {

  @Bean
  SignedInArea communityModerationPage() {
    return new SignedInArea("/community/moderation");
  }

  @Bean
  SignedInArea communitySuggestionsPage() {
    return new SignedInArea("/community/suggestions");
  }

  @Bean
  SignedInArea communityNewEvent() {
    return new SignedInArea("/community/groups/*/events/new");
  }

  @Bean
  SignedInArea communityEventEditor() {
    return new SignedInArea("/community/groups/*/events/*/edit");
  }

  @Bean
  SignedInArea communityArticleEditor() {
    return new SignedInArea("/community/articles/new");
  }

  @Bean
  SignedInArea communityArticleEdit() {
    return new SignedInArea("/community/articles/*/edit");
  }
}
