package fi.osaava.web.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/** How sessions are kept in PostgreSQL (Spring Session JDBC; docs/adr/0014-scale-out.md). */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

  /**
   * Session attributes are written with an upsert. With Spring Session's plain insert, two requests
   * of one session that both add the same attribute (two tabs opened right after sign-in, each
   * binding the session to its person) collide on the attributes' primary key, and one of them ends
   * as a 500; the profile benchmark's load test hit this on its first requests.
   */
  @Bean
  PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpsert() {
    return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
  }
}
