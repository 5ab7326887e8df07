package io.queryset.internal.query;

import io.queryset.internal.mapping.ColumnKind;
import io.queryset.internal.mapping.ResultColumn;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Django's date/time transforms: {@code date year month day week week_day iso_week_day quarter hour
 * minute second time}. Each names the kinds it applies to and its result type; dialects render them.
 */
public enum Transform {
    // Of a date-time only: a time of day has no date (Django: "Unsupported lookup 'date' for TimeField").
    DATE(k -> k.hasTime() && k.hasDate(), new ResultColumn(ColumnKind.DATE, LocalDate.class)),
    TIME(k -> k.hasTime() && k != ColumnKind.TIME, new ResultColumn(ColumnKind.TIME, LocalTime.class)),
    YEAR(ColumnKind::hasDate, intColumn()),
    ISO_YEAR(ColumnKind::hasDate, intColumn()),
    MONTH(ColumnKind::hasDate, intColumn()),
    DAY(ColumnKind::hasDate, intColumn()),
    WEEK(ColumnKind::hasDate, intColumn()),
    WEEK_DAY(ColumnKind::hasDate, intColumn()),
    ISO_WEEK_DAY(ColumnKind::hasDate, intColumn()),
    QUARTER(ColumnKind::hasDate, intColumn()),
    HOUR(ColumnKind::hasTime, intColumn()),
    MINUTE(ColumnKind::hasTime, intColumn()),
    SECOND(ColumnKind::hasTime, intColumn());

    private final Predicate<ColumnKind> appliesTo;
    private final ResultColumn output;

    Transform(Predicate<ColumnKind> appliesTo, ResultColumn output) {
        this.appliesTo = appliesTo;
        this.output = output;
    }

    private static ResultColumn intColumn() {
        return new ResultColumn(ColumnKind.INT, Integer.class);
    }

    /** The lookup-string name, e.g. {@code week_day}. */
    public String lookupName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the transform applies to values of {@code kind}. */
    public boolean appliesTo(ColumnKind kind) {
        return appliesTo.test(kind);
    }

    /** The column its result reads as. */
    public ResultColumn output() {
        return output;
    }

    /** The transform named {@code name} in a lookup string, or null. */
    public static @org.jspecify.annotations.Nullable Transform byName(String name) {
        for (Transform t : values()) {
            if (t.lookupName().equals(name)) {
                return t;
            }
        }
        return null;
    }
}
