package io.queryset.internal;

import io.queryset.internal.mapping.ColumnKind;
import io.queryset.internal.mapping.FieldInfo;
import io.queryset.internal.mapping.ManyToManyInfo;
import io.queryset.internal.mapping.ModelInfo;
import io.queryset.internal.sql.Dialect;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * CREATE TABLE / CREATE INDEX / DROP TABLE statements for a model. Where a foreign key or an index is declared
 * (on the column, as a table constraint, or by its own statement) is the dialect's choice.
 */
final class DdlWriter {

    private final Dialect dialect;

    DdlWriter(Dialect dialect) {
        this.dialect = dialect;
    }

    List<String> create(ModelInfo<?> model) {
        List<String> statements = new ArrayList<>();
        List<String> constraints = new ArrayList<>();
        List<String[]> indexes = new ArrayList<>();
        StringBuilder table = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(dialect.quote(model.table())).append(" (");
        List<FieldInfo> fields = model.fields();
        for (int i = 0; i < fields.size(); i++) {
            FieldInfo f = fields.get(i);
            table.append(i > 0 ? ", " : "").append(dialect.quote(f.column())).append(' ');
            if (f.primaryKey() && f.generated()) {
                table.append(dialect.identityColumn(f));
                continue;
            }
            if (f.unique() || f.dbIndex()) {
                dialect.checkIndexable(model.name(), f);
            }
            table.append(dialect.columnType(f));
            table.append(f.nullable() ? " NULL" : " NOT NULL");
            if (f.relation() != null) {
                ModelInfo<?> target = model.relatedModel(f);
                String references = "REFERENCES " + dialect.quote(target.table()) + " (" + dialect.quote(target.pk().column()) + ")";
                if (dialect.declaresForeignKeysOnColumns()) {
                    table.append(' ').append(references);
                } else {
                    constraints.add("FOREIGN KEY (" + dialect.quote(f.column()) + ") " + references);
                }
            }
            if (f.primaryKey()) {
                table.append(" PRIMARY KEY");
            } else if (f.unique()) {
                table.append(" UNIQUE");
            }
        }
        for (FieldInfo f : fields) {
            if (f.dbIndex() && !f.unique() && !f.primaryKey()) {
                indexes.add(new String[] {indexName(model.table(), f.column()), f.column()});
            }
        }
        statements.add(finishTable(table, constraints, indexes));
        statements.addAll(indexStatements(model.table(), indexes));
        return statements;
    }

    /** The join table of a many-to-many relation, with a unique pair constraint and an index per key. */
    List<String> createJoinTable(ModelInfo<?> source, ManyToManyInfo m2m) {
        ModelInfo<?> target = source.registry().get(m2m.target());
        String table = dialect.quote(m2m.table());
        String from = dialect.quote(m2m.sourceColumn());
        String to = dialect.quote(m2m.targetColumn());
        String fromReferences = "REFERENCES " + dialect.quote(source.table()) + " (" + dialect.quote(source.pk().column()) + ")";
        String toReferences = "REFERENCES " + dialect.quote(target.table()) + " (" + dialect.quote(target.pk().column()) + ")";
        boolean onColumns = dialect.declaresForeignKeysOnColumns();
        StringBuilder create = new StringBuilder("CREATE TABLE IF NOT EXISTS " + table + " ("
                + dialect.quote("id") + " " + dialect.identityColumn(ColumnKind.LONG) + ", "
                + from + " " + dialect.columnType(source.pk()) + " NOT NULL" + (onColumns ? " " + fromReferences : "") + ", "
                + to + " " + dialect.columnType(target.pk()) + " NOT NULL" + (onColumns ? " " + toReferences : "") + ", "
                + "UNIQUE (" + from + ", " + to + ")");
        List<String> constraints = onColumns ? List.of()
                : List.of("FOREIGN KEY (" + from + ") " + fromReferences, "FOREIGN KEY (" + to + ") " + toReferences);
        // One index for the target side; the UNIQUE pair's leading column already indexes the source side.
        List<String[]> indexes = new ArrayList<>();
        indexes.add(new String[] {indexName(m2m.table(), m2m.targetColumn()), m2m.targetColumn()});
        List<String> statements = new ArrayList<>();
        statements.add(finishTable(create, constraints, indexes));
        statements.addAll(indexStatements(m2m.table(), indexes));
        return statements;
    }

    String drop(ModelInfo<?> model) {
        return "DROP TABLE IF EXISTS " + dialect.quote(model.table());
    }

    String dropTable(String table) {
        return "DROP TABLE IF EXISTS " + dialect.quote(table);
    }

    /** Appends table constraints and, where the dialect declares them there, the indexes; closes the table. */
    private String finishTable(StringBuilder table, List<String> constraints, List<String[]> indexes) {
        constraints.forEach(c -> table.append(", ").append(c));
        if (dialect.declaresIndexesInTable()) {
            indexes.forEach(ix -> table.append(", INDEX ").append(dialect.quote(ix[0])).append(" (").append(dialect.quote(ix[1])).append(")"));
        }
        return table.append(")").append(dialect.tableOptions()).toString();
    }

    private List<String> indexStatements(String table, List<String[]> indexes) {
        if (dialect.declaresIndexesInTable()) {
            return List.of();
        }
        return indexes.stream().map(ix -> "CREATE INDEX IF NOT EXISTS " + dialect.quote(ix[0]) + " ON " + dialect.quote(table)
                + " (" + dialect.quote(ix[1]) + ")").toList();
    }

    /**
     * {@code <table>_<column>_idx}, or, when that is longer than the database allows, its start and a short hash of the
     * whole name (as Django's {@code truncate_name}), so two long names stay distinct.
     */
    private String indexName(String table, String column) {
        String name = table + "_" + column + "_idx";
        int max = dialect.maxIdentifierLength();
        if (name.length() <= max) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(name.getBytes(StandardCharsets.UTF_8));
            String hash = HexFormat.of().formatHex(digest).substring(0, 8);
            return name.substring(0, max - hash.length() - 1) + "_" + hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
