package dev.clavis.application.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.clavis.api.entity.Api;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApplicationApisTest {

    private final Api pos = new Api("pos", "https://pos.example.com/api", "POS");
    private final Api stock = new Api("stock", "api://stock", "Stock");

    @Test
    void callApisWhenGivenItsOwnApisThenTheyAreKept() {
        Application application = new Application("till", "Till");
        application.callApis(Set.of(pos, stock), stock);

        application.callApis(application.apis(), application.defaultApi());

        assertEquals(Set.of(pos, stock), application.apis());
        assertEquals(stock, application.defaultApi());
    }

    @Test
    void callApisWhenDefaultIsNotAmongThemThenRefused() {
        Application application = new Application("till", "Till");

        assertThrows(IllegalArgumentException.class, () -> application.callApis(Set.of(pos), stock));
    }

    @Test
    void withdrawApiWhenItWasTheDefaultThenNoDefaultIsLeft() {
        Application application = new Application("till", "Till");
        application.callApis(Set.of(pos, stock), stock);

        application.withdrawApi(stock);

        assertEquals(Set.of(pos), application.apis());
        assertNull(application.defaultApi());
    }
}
