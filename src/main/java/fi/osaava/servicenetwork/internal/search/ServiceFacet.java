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

  public String parameter() {
    return parameter;
  }

  String field() {
    return field;
  }
}
