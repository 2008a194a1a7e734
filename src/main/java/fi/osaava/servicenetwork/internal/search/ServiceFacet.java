package fi.osaava.servicenetwork.internal.search;

/** The facets of the service search: the request parameter and the index field of each. */
public enum ServiceFacet {
  TYPE("type", "type"),
  AREA("area", "area"),
  LANGUAGE("language", "language"),
  SITUATION("situation", "life_situation");

  private final String parameter;
  private final String field;

  ServiceFacet(String parameter, String field) {
    this.parameter = parameter;
    this.field = field;
  }

  /** The facet of a request parameter, if it is one. */
  public static java.util.Optional<ServiceFacet> byParameter(String parameter) {
    return java.util.Arrays.stream(values()).filter(f -> f.parameter.equals(parameter)).findFirst();
  }

  public String parameter() {
    return parameter;
  }

  String field() {
    return field;
  }
}
