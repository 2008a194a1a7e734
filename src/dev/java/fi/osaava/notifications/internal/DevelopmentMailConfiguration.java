package fi.osaava.notifications.internal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.InetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Development mail: when no {@code spring.mail.host} is configured, an in-process GreenMail SMTP
 * server on loopback takes every mail, and the development mailbox page ({@link
 * DevelopmentMailboxController}) shows them. Like the development sign-in it lives in {@code
 * src/dev/java} and is not in a production build, where {@code spring.mail.*} names the real
 * server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Conditional(DevelopmentMailConfiguration.NoMailHost.class)
class DevelopmentMailConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DevelopmentMailConfiguration.class);

  @Bean(destroyMethod = "stop")
  GreenMail developmentMailServer() {
    ServerSetup smtp =
        new ServerSetup(0, InetAddress.getLoopbackAddress().getHostAddress(), ServerSetup.PROTOCOL_SMTP)
            .dynamicPort();
    GreenMail server = new GreenMail(smtp);
    server.start();
    log.warn(
        "Development mail: in-process SMTP server on port {}; mails are shown at"
            + " /notifications/dev-mailbox (configure spring.mail.host for production)",
        server.getSmtp().getPort());
    return server;
  }

  @Bean
  JavaMailSenderImpl developmentMailSender(GreenMail developmentMailServer) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost(developmentMailServer.getSmtp().getBindTo());
    sender.setPort(developmentMailServer.getSmtp().getPort());
    sender.setDefaultEncoding("UTF-8");
    return sender;
  }

  /** No mail server configured. */
  static class NoMailHost implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      String host = context.getEnvironment().getProperty("spring.mail.host");
      return host == null || host.isBlank();
    }
  }
}
