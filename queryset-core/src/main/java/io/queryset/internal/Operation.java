package io.queryset.internal;

/**
 * A terminal method, named after its blocking form: the {@code queryset.operation} of its observation, and whether
 * a database router treats it as a read or a write.
 */
public enum Operation {
    LIST("list", false),
    STREAM("stream", false),
    GET("get", false),
    FIRST("first", false),
    LAST("last", false),
    LATEST("latest", false),
    EARLIEST("earliest", false),
    COUNT("count", false),
    EXISTS("exists", false),
    CONTAINS("contains", false),
    AGGREGATE("aggregate", false),
    IN_BULK("inBulk", false),
    EXPLAIN("explain", false),
    REFRESH("refresh", false),
    CREATE("create", true),
    GET_OR_CREATE("getOrCreate", true),
    UPDATE_OR_CREATE("updateOrCreate", true),
    BULK_CREATE("bulkCreate", true),
    BULK_UPDATE("bulkUpdate", true),
    UPDATE("update", true),
    DELETE("delete", true),
    SAVE("save", true),
    ADD("add", true),
    REMOVE("remove", true),
    CLEAR("clear", true),
    SET("set", true);

    private final String tag;

    private final boolean write;

    Operation(String tag, boolean write) {
        this.tag = tag;
        this.write = write;
    }

    /** The method name, as observations tag it. */
    public String tag() {
        return tag;
    }

    /** Whether routers send it to the database for writes. */
    public boolean isWrite() {
        return write;
    }
}
