package dev.clavis.platform.control;

import static dev.clavis.platform.control.BootstrapStep.APPLY_CONFIGURED;
import static dev.clavis.platform.control.BootstrapStep.CREATE;
import static dev.clavis.platform.control.BootstrapStep.KEEP;
import static dev.clavis.platform.control.BootstrapStep.LEAVE_DELETED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class BootstrapStepTest {

    private static final BooleanSupplier NOT_ASKED = () -> {
        throw new AssertionError("the slow hash ran without need");
    };

    @Test
    void decideWhenFirstStartThenCreate() {
        assertEquals(CREATE, BootstrapStep.decide(false, false, false, false, NOT_ASKED));
        assertEquals(CREATE, BootstrapStep.decide(false, false, false, true, NOT_ASKED));
    }

    @Test
    void decideWhenDeletedAfterProvisioningThenLeftDeletedWhateverIsConfigured() {
        assertEquals(LEAVE_DELETED, BootstrapStep.decide(true, false, false, false, NOT_ASKED));
        assertEquals(LEAVE_DELETED, BootstrapStep.decide(true, false, false, true, NOT_ASKED));
    }

    @Test
    void decideWhenDeletedAndRecreationAskedThenCreate() {
        assertEquals(CREATE, BootstrapStep.decide(true, false, true, true, NOT_ASKED));
        assertEquals(CREATE, BootstrapStep.decide(true, false, true, false, NOT_ASKED));
    }

    @Test
    void decideWhenExistsAndNothingConfiguredThenKeep() {
        assertEquals(KEEP, BootstrapStep.decide(true, true, false, false, NOT_ASKED));
        assertEquals(KEEP, BootstrapStep.decide(false, true, false, false, NOT_ASKED));
    }

    @Test
    void decideWhenConfiguredValueIsTheOneLastAppliedThenKeep() {
        assertEquals(KEEP, BootstrapStep.decide(true, true, false, true, () -> true));
        assertEquals(KEEP, BootstrapStep.decide(true, true, true, true, () -> true));
    }

    @Test
    void decideWhenConfiguredValueChangedSinceLastAppliedThenApply() {
        assertEquals(APPLY_CONFIGURED, BootstrapStep.decide(true, true, false, true, () -> false));
    }

    @Test
    void decideWhenExistsButNotInTheLedgerThenConfiguredValueIsApplied() {
        // an installation older than the ledger: what was applied is unknown
        assertEquals(APPLY_CONFIGURED, BootstrapStep.decide(false, true, false, true, NOT_ASKED));
    }
}
