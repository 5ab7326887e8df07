package io.queryset.observation;

import io.micrometer.observation.Observation;

/**
 * What one observed terminal call knows: the model, the operation ({@code list}, {@code count}, {@code create},
 * ... named after the blocking method, the same for its {@code a}-twin), the side it ran on and the named database.
 */
public final class QuerySetObservationContext extends Observation.Context {

    /** How the call ended. */
    public enum Outcome {
        /** The call returned (or the stream completed or was closed). */
        SUCCESS,
        /** The call failed; {@link #getError()} tells why. */
        ERROR,
        /** The subscriber cancelled before the async call finished. */
        CANCELLED
    }

    private final Class<?> model;

    private final String operation;

    private final String mode;

    private final String database;

    private final String dialect;

    private Outcome outcome = Outcome.SUCCESS;

    /**
     * @param mode {@code blocking}, {@code native} or {@code bridged}
     * @param database the alias of the database the call ran on ({@code default} unless routed or {@code using})
     * @param dialect the database product, e.g. {@code PostgreSQL}
     */
    public QuerySetObservationContext(Class<?> model, String operation, String mode, String database, String dialect) {
        this.model = model;
        this.operation = operation;
        this.mode = mode;
        this.database = database;
        this.dialect = dialect;
    }

    /** The model class of the QuerySet. */
    public Class<?> getModel() {
        return model;
    }

    /** The terminal method, named after its blocking form: {@code get} for both {@code get} and {@code aget}. */
    public String getOperation() {
        return operation;
    }

    /** {@code blocking} (JDBC), {@code native} (R2DBC) or {@code bridged} (JDBC on the bridge). */
    public String getMode() {
        return mode;
    }

    /** The alias of the database: {@code default}, or a name configured for {@code using()}. */
    public String getDatabase() {
        return database;
    }

    /** The database product, e.g. {@code PostgreSQL}. */
    public String getDialect() {
        return dialect;
    }

    /** How the call ended; {@link Outcome#SUCCESS} until it ends otherwise. */
    public Outcome getOutcome() {
        return getError() != null ? Outcome.ERROR : outcome;
    }

    /** Marks the call as cancelled by its subscriber. */
    public void setCancelled() {
        this.outcome = Outcome.CANCELLED;
    }
}
