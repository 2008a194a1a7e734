package fi.osaava.opportunities.internal.engine;

import java.util.List;

/** One page of a ranking and how many opportunities passed the filters in all. */
public record RankedPage(List<Ranked> items, int total) {}
