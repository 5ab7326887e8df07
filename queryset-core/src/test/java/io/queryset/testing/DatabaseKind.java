package io.queryset.testing;

/** The databases every database-touching test runs against. */
public enum DatabaseKind {
    /** H2 in memory, shared by JDBC and r2dbc-h2: always available. */
    H2("H2"),
    /** PostgreSQL at {@code QUERYSET_TEST_POSTGRES_URL}, else {@code 127.0.0.1:5432/test}. */
    POSTGRES("PostgreSQL"),
    /** MariaDB at {@code QUERYSET_TEST_MARIADB_URL}, else {@code 127.0.0.1:3306/test} (user {@code root}). */
    MARIADB("MariaDB");

    private final String displayName;

    DatabaseKind(String displayName) {
        this.displayName = displayName;
    }

    /** The name shown in test reports. */
    public String displayName() {
        return displayName;
    }
}
