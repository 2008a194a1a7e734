package fi.osaava.web;

import java.util.List;
import java.util.Objects;

/**
 * One of a signed-in person's next steps on the front door: what to do, why, and where to do it.
 * The texts are message keys, so each step reads in the page's language; the module that owns the
 * data derives the step and fills in its arguments (names, figures and dates already formatted for
 * the reader).
 *
 * @param key the step's kind; its heading is the message {@code next.<key>} and its reason {@code
 *     next.<key>.why}, both with {@code arguments}
 * @param arguments the values the two messages name, in order
 * @param href where the step is taken
 * @param items named choices within the step (such as the occupations that fit best), each with its
 *     own link; empty for most steps
 */
public record NextStep(String key, List<Object> arguments, String href, List<Item> items) {

  public NextStep {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(href, "href");
    arguments = List.copyOf(arguments);
    items = List.copyOf(items);
  }

  public NextStep(String key, List<Object> arguments, String href) {
    this(key, arguments, href, List.of());
  }

  /**
   * One choice within a step.
   *
   * @param text the choice's own name (data, such as an occupation's label in the reader's
   *     language)
   * @param href where it leads
   * @param detailKey a message key saying more about it (such as how well it fits)
   * @param detailArguments the values that message names
   */
  public record Item(String text, String href, String detailKey, List<Object> detailArguments) {

    public Item {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(href, "href");
      Objects.requireNonNull(detailKey, "detailKey");
      detailArguments = List.copyOf(detailArguments);
    }
  }
}
