package io.queryset.internal.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * The storage family of a Java type: which class the driver is asked for, and how a driver value
 * becomes the field's value and back. One constant per supported Java type family.
 */
public enum ColumnKind {
    LONG(Long.class), INT(Integer.class), SHORT(Short.class), BOOLEAN(Boolean.class),
    DOUBLE(Double.class), FLOAT(Float.class), DECIMAL(BigDecimal.class), STRING(String.class),
    DATE(LocalDate.class), DATETIME(LocalDateTime.class), TIME(LocalTime.class),
    INSTANT(OffsetDateTime.class), OFFSET_DATETIME(OffsetDateTime.class), UUID(java.util.UUID.class),
    BYTES(byte[].class), ENUM(String.class);

    private final Class<?> driverType;

    ColumnKind(Class<?> driverType) {
        this.driverType = driverType;
    }

    /** The class to ask the driver for. */
    public Class<?> driverType() {
        return driverType;
    }

    /** The kind for a Java type, or null when the type is not storable. */
    public static @Nullable ColumnKind of(Class<?> type) {
        if (type == long.class || type == Long.class) return LONG;
        if (type == int.class || type == Integer.class) return INT;
        if (type == short.class || type == Short.class) return SHORT;
        if (type == boolean.class || type == Boolean.class) return BOOLEAN;
        if (type == double.class || type == Double.class) return DOUBLE;
        if (type == float.class || type == Float.class) return FLOAT;
        if (type == BigDecimal.class) return DECIMAL;
        if (type == String.class) return STRING;
        if (type == LocalDate.class) return DATE;
        if (type == LocalDateTime.class) return DATETIME;
        if (type == LocalTime.class) return TIME;
        if (type == Instant.class) return INSTANT;
        if (type == OffsetDateTime.class) return OFFSET_DATETIME;
        if (type == java.util.UUID.class) return UUID;
        if (type == byte[].class) return BYTES;
        if (type.isEnum()) return ENUM;
        return null;
    }

    /** Whether the kind is an integer, decimal or floating number. */
    public boolean isNumeric() {
        return this == LONG || this == INT || this == SHORT || this == DOUBLE || this == FLOAT || this == DECIMAL;
    }

    /** Whether the kind is an integer number. */
    public boolean isInteger() {
        return this == LONG || this == INT || this == SHORT;
    }

    /** Whether the kind has a date part. */
    public boolean hasDate() {
        return this == DATE || this == DATETIME || this == INSTANT || this == OFFSET_DATETIME;
    }

    /** Whether the kind has a time-of-day part. */
    public boolean hasTime() {
        return this == TIME || this == DATETIME || this == INSTANT || this == OFFSET_DATETIME;
    }

    /** Whether LIKE-style text lookups apply directly. */
    public boolean isText() {
        return this == STRING || this == ENUM;
    }

    /** A Java value of the field's type → the value bound to the driver. */
    public @Nullable Object toDriver(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        return switch (this) {
            case ENUM -> ((Enum<?>) value).name();
            case INSTANT -> ((Instant) value).atOffset(ZoneOffset.UTC);
            default -> value;
        };
    }

    /** A value read from the driver → a value of {@code javaType}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public @Nullable Object fromDriver(@Nullable Object raw, Class<?> javaType) {
        if (raw == null) {
            return null;
        }
        return switch (this) {
            case ENUM -> Enum.valueOf((Class<? extends Enum>) javaType, raw.toString());
            case INSTANT -> raw instanceof OffsetDateTime o ? o.toInstant()
                    : raw instanceof LocalDateTime l ? l.toInstant(ZoneOffset.UTC) : raw;
            // A database without a zoned timestamp type (MariaDB) stores the UTC date-time.
            case OFFSET_DATETIME -> raw instanceof Instant i ? i.atOffset(ZoneOffset.UTC)
                    : raw instanceof LocalDateTime l ? l.atOffset(ZoneOffset.UTC) : raw;
            // A database without a UUID type (MariaDB/MySQL) stores its text form; one without a boolean type, 0 or 1.
            case UUID -> raw instanceof String s ? java.util.UUID.fromString(s) : raw;
            case BOOLEAN -> raw instanceof Number n ? n.intValue() != 0 : raw;
            case LONG -> raw instanceof Number n && !(raw instanceof Long) ? n.longValue() : raw;
            case INT -> raw instanceof Number n && !(raw instanceof Integer) ? n.intValue() : raw;
            case SHORT -> raw instanceof Number n && !(raw instanceof Short) ? n.shortValue() : raw;
            case DOUBLE -> raw instanceof Number n && !(raw instanceof Double) ? n.doubleValue() : raw;
            case FLOAT -> raw instanceof Number n && !(raw instanceof Float) ? n.floatValue() : raw;
            case DECIMAL -> raw instanceof BigDecimal ? raw
                    : raw instanceof BigInteger b ? new BigDecimal(b)
                    : raw instanceof Number n ? new BigDecimal(n.toString()) : raw;
            case BYTES -> raw instanceof ByteBuffer b ? bytesOf(b) : raw;
            case DATE -> raw instanceof LocalDateTime l ? l.toLocalDate() : raw;
            case STRING -> raw instanceof String ? raw : raw.toString();
            default -> raw;
        };
    }

    private static byte[] bytesOf(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
