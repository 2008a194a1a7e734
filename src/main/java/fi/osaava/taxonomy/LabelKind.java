package fi.osaava.taxonomy;

/** ESCO's three kinds of label. Hidden labels are for search only: misspellings, old names. */
public enum LabelKind {
  PREFERRED,
  ALTERNATIVE,
  HIDDEN
}
