package fi.osaava.cli;

import fi.osaava.identification.Identification;
import fi.osaava.identification.IdentificationApi;
import fi.osaava.identification.IdentifiedConcept;
import fi.osaava.identification.IdentifyOptions;
import fi.osaava.platform.Language;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code osaava identify}: reads texts from standard input, one per line (or all of it as one text
 * with {@code --whole}), and prints one JSON object per text with the suggested skills and
 * occupations, for batch work.
 */
@Command(
    name = "identify",
    mixinStandardHelpOptions = true,
    description = "Identify ESCO skills and occupations in text read from standard input.")
final class IdentifyCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Option(names = "--lang", description = "Language of the text (default: detect per sentence).")
  String lang;

  @Option(names = "--top", defaultValue = "10", description = "Skills and occupations per text.")
  int top;

  @Option(
      names = "--threshold",
      description = "Leave out suggestions below this confidence (default: the page's).")
  Double threshold;

  @Option(names = "--whole", description = "Read all of standard input as one text.")
  boolean whole;

  @Option(names = "--no-semantic", description = "Lexical matching only.")
  boolean noSemantic;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Language language = lang == null ? null : Language.require(lang);
    List<String> texts = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      if (whole) {
        StringBuilder all = new StringBuilder();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          all.append(line).append('\n');
        }
        texts.add(all.toString());
      } else {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          texts.add(line);
        }
      }
    }
    IdentifyOptions options =
        IdentifyOptions.defaults()
            .withLimit(top)
            .withThreshold(threshold == null ? IdentifyOptions.DEFAULT_THRESHOLD : threshold)
            .withSemantic(!noSemantic);
    try (ConfigurableApplicationContext context = CliApplication.boot(common)) {
      IdentificationApi identification = context.getBean(IdentificationApi.class);
      if (!noSemantic) {
        // Batch work wants the same results every time: wait for the embeddings (seconds from
        // the cache; minutes on the very first run, which builds it).
        identification.awaitReady(java.time.Duration.ofMinutes(10));
      }
      JsonMapper json = JsonMapper.shared();
      for (int from = 0; from < texts.size(); from += 64) {
        List<String> batch = texts.subList(from, Math.min(texts.size(), from + 64));
        List<Identification> results = identification.identifyAll(batch, language, options);
        for (Identification result : results) {
          Map<String, Object> line = new LinkedHashMap<>();
          line.put("skills", concepts(result.skills()));
          line.put("occupations", concepts(result.occupations()));
          line.put("truncated", result.truncated());
          out.println(json.writeValueAsString(line));
        }
        out.flush();
      }
      return 0;
    }
  }

  private static List<Map<String, Object>> concepts(List<IdentifiedConcept> concepts) {
    List<Map<String, Object>> list = new ArrayList<>(concepts.size());
    for (IdentifiedConcept c : concepts) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("uri", c.uri().value());
      m.put("label", c.label().text());
      m.put("label_language", c.label().language().code());
      m.put("score", c.score());
      m.put("reason", c.reason().name().toLowerCase(java.util.Locale.ROOT));
      m.put("confident", c.confident());
      List<Map<String, Object>> evidence = new ArrayList<>();
      c.evidence()
          .forEach(
              e -> {
                Map<String, Object> span = new LinkedHashMap<>();
                span.put("start", e.start());
                span.put("end", e.end());
                span.put("text", e.text());
                evidence.add(span);
              });
      m.put("evidence", evidence);
      list.add(m);
    }
    return list;
  }
}
