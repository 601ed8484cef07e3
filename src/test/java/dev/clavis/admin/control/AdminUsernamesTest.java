package dev.clavis.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminUsernamesTest {

    @Test
    void checkedWhenTypedWithSpacesOrCapitalsThenNormalised() {
        assertEquals(Optional.of("admin"), AdminUsernames.checked("  Admin "));
        assertEquals(Optional.of("ops.team@example-1_x"), AdminUsernames.checked("ops.team@example-1_x"));
    }

    @Test
    void checkedWhenEmptyTooLongOrOddCharactersThenEmpty() {
        assertEquals(Optional.empty(), AdminUsernames.checked(null));
        assertEquals(Optional.empty(), AdminUsernames.checked(" "));
        assertEquals(Optional.empty(), AdminUsernames.checked("a".repeat(65)));
        assertEquals(Optional.empty(), AdminUsernames.checked("a".repeat(2_000_000)));
        assertEquals(Optional.empty(), AdminUsernames.checked("ad min"));
        assertEquals(Optional.empty(), AdminUsernames.checked("ad\u202Emin"));
        assertEquals(Optional.empty(), AdminUsernames.checked("admin\u0000"));
    }
}
