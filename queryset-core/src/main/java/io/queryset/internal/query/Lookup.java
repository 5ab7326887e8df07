package io.queryset.internal.query;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Django's built-in lookups. Each names how its value is prepared; the SQL comes from the dialect,
 * which overrides only what differs per database (like Django's per-backend operator tables).
 */
public enum Lookup {
    EXACT, IEXACT, CONTAINS, ICONTAINS, IN, GT, GTE, LT, LTE, STARTSWITH, ISTARTSWITH, ENDSWITH, IENDSWITH,
    RANGE, ISNULL, REGEX, IREGEX;

    /** The name in a lookup string. */
    public String lookupName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the value is a LIKE pattern built from the user's text. */
    public boolean isPattern() {
        return switch (this) {
            case CONTAINS, ICONTAINS, STARTSWITH, ISTARTSWITH, ENDSWITH, IENDSWITH -> true;
            default -> false;
        };
    }

    /** Whether the comparison is text-based (the left side is cast to text when it is not). */
    public boolean isTextual() {
        return isPattern() || this == IEXACT || this == REGEX || this == IREGEX;
    }

    /** Whether the comparison ignores case. */
    public boolean ignoresCase() {
        return this == IEXACT || this == ICONTAINS || this == ISTARTSWITH || this == IENDSWITH || this == IREGEX;
    }

    /** {@code text} as a LIKE pattern matching exactly it: {@code %}, {@code _} and the escape character {@code \} escaped. */
    public static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The LIKE pattern for {@code text}: {@code %}, {@code _} and the escape character escaped, wildcards added. */
    public String pattern(String text) {
        String escaped = escapeLike(text);
        return switch (this) {
            case CONTAINS, ICONTAINS -> "%" + escaped + "%";
            case STARTSWITH, ISTARTSWITH -> escaped + "%";
            case ENDSWITH, IENDSWITH -> "%" + escaped;
            default -> text;
        };
    }

    /** The lookup named {@code name}, or null. */
    public static @Nullable Lookup byName(String name) {
        for (Lookup l : values()) {
            if (l.lookupName().equals(name)) {
                return l;
            }
        }
        return null;
    }
}
