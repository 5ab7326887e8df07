package io.queryset.internal.sql;

/**
 * The error for a feature a database lacks (Django's {@code NotSupportedError}), raised while the SQL is being
 * built, so nothing is ever sent: it names the feature as the caller wrote it and the database.
 */
public final class NotSupported {

    private NotSupported() {
    }

    /** {@code "<feature> is not supported by <database>."} */
    public static UnsupportedOperationException by(Dialect dialect, String feature) {
        return new UnsupportedOperationException(feature + " is not supported by " + dialect.name() + ".");
    }

    /** {@link #by(Dialect, String)} followed by what to do instead. */
    public static UnsupportedOperationException by(Dialect dialect, String feature, String instead) {
        return new UnsupportedOperationException(feature + " is not supported by " + dialect.name() + ": " + instead);
    }
}
