package fi.osaava.web.internal;

import fi.osaava.platform.StorableText;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Applies {@link StorableText}'s rule to every string that a JSON request body binds to: a NUL
 * fails the binding, and the API answers 400 naming the JSON field (see {@link
 * ApiExceptionHandler}). Spring Boot registers the module with the application's JSON mapper.
 */
class StorableTextJacksonModule extends SimpleModule {

  StorableTextJacksonModule() {
    super("osaava-storable-text");
    addDeserializer(String.class, new StorableStringDeserializer());
  }

  /**
   * Jackson's own string deserializer, then the check. It delegates instead of extending, so that
   * collections of strings do not take it for the default and bypass it.
   */
  static final class StorableStringDeserializer extends StdScalarDeserializer<String> {

    StorableStringDeserializer() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws JacksonException {
      String value = StringDeserializer.instance.deserialize(parser, context);
      if (!StorableText.isStorable(value)) {
        throw InvalidFormatException.from(parser, StorableText.PROBLEM, value, String.class);
      }
      return value;
    }
  }
}
