package dev.clavis.platform.control;

import java.util.function.BooleanSupplier;

/**
 * What one start does with something the first start provisioned (the bootstrap application, the first
 * administrator), decided from what the {@link BootstrapLedger} remembers, whether it still exists and what is
 * configured. Bootstrap happens once: what an administrator deleted or changed since stays so, and a configured
 * value counts only when it differs from the one last applied.
 */
public enum BootstrapStep {

    /** Never provisioned, or provisioned and deleted with recreation asked for: create it. */
    CREATE,

    /** Provisioned, then deleted by an administrator: leave it deleted. */
    LEAVE_DELETED,

    /** Exists, and nothing is configured or the configured value is the one last applied: change nothing. */
    KEEP,

    /** Exists, and the configured value is not the one last applied (or that one is unknown): apply it, once. */
    APPLY_CONFIGURED;

    /**
     * @param remembered whether the ledger records that it was provisioned
     * @param exists whether it exists now
     * @param recreate whether the operator asked to create it again if it was deleted
     * @param configured whether a value (secret, password) is configured
     * @param configuredIsLastApplied whether the configured value is the one last applied; asked only when a value is
     *     configured and it exists, since answering costs a slow hash
     */
    public static BootstrapStep decide(
            boolean remembered,
            boolean exists,
            boolean recreate,
            boolean configured,
            BooleanSupplier configuredIsLastApplied) {
        if (!exists) {
            return remembered && !recreate ? LEAVE_DELETED : CREATE;
        }
        if (!configured) {
            return KEEP;
        }
        return remembered && configuredIsLastApplied.getAsBoolean() ? KEEP : APPLY_CONFIGURED;
    }
}
