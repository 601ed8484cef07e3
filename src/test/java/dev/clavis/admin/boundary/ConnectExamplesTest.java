package dev.clavis.admin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectExamplesTest {

    @Test
    void ofWhenPlainIdentifierThenCurlNamesItAsResourceAndMsalAsDefaultScope() {
        ConnectExamples examples = ConnectExamples.of(
                new ApplicationStatus.Target("a", "POS", "https://pos.example.com/api", List.of("r"), true),
                "pos",
                "https://id.example",
                "https://id.example/oauth2/token");

        assertTrue(
                examples.basic()
                        .endsWith(
                                "--data-urlencode resource=https://pos.example.com/api https://id.example/oauth2/token"),
                examples.basic());
        assertTrue(examples.post().contains("client_secret=\"$CLIENT_SECRET\""), examples.post());
        assertEquals("https://pos.example.com/api/.default", examples.msalScope());
        assertTrue(
                examples.msalNet()
                        .contains("AcquireTokenForClient(new[] { \"https://pos.example.com/api/.default\" })"),
                examples.msalNet());
        assertTrue(examples.msal4j().contains(".oidcAuthority(\"https://id.example\")"), examples.msal4j());
    }

    @Test
    void shellWordWhenSpecialCharactersThenSingleQuoted() {
        assertEquals("resource=api://pos", ConnectExamples.shellWord("resource=api://pos"));
        assertEquals("'resource=https://x/a?b=1&c=$d'", ConnectExamples.shellWord("resource=https://x/a?b=1&c=$d"));
        assertEquals("'it'\\''s'", ConnectExamples.shellWord("it's"));
    }

    @Test
    void literalWhenQuoteOrBackslashThenEscaped() {
        assertEquals("\"a\\\"b\\\\c\"", ConnectExamples.literal("a\"b\\c"));
    }
}
