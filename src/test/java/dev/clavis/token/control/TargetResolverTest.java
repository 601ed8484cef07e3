package dev.clavis.token.control;

import static dev.clavis.token.control.OAuthAssertions.assertNotEchoed;
import static dev.clavis.token.control.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clavis.api.control.ApiLookup;
import dev.clavis.api.control.RegisteredApi;
import dev.clavis.api.entity.TokenFormat;
import dev.clavis.application.control.RegisteredClient;
import dev.clavis.platform.control.OAuthError;
import dev.clavis.platform.control.OAuthException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetResolverTest {

    private static final RegisteredApi POS = api("pos", "https://pos.example.com/api", true);
    private static final RegisteredApi STOCK = api("stock", "api://stock", true);
    private static final RegisteredApi OTHERS = api("others", "https://others.example.com/api", true);
    private static final RegisteredApi OFF = api("off", "https://off.example.com/api", false);
    private static final ApiLookup APIS = lookup(List.of(POS, STOCK, OTHERS, OFF));

    private static RegisteredApi api(String id, String identifier, boolean enabled) {
        return new RegisteredApi(
                id,
                identifier,
                id,
                false,
                Set.of("read"),
                TokenFormat.RFC9068,
                Optional.empty(),
                enabled,
                Optional.empty(),
                Optional.empty());
    }

    private static ApiLookup lookup(List<RegisteredApi> apis) {
        Map<String, RegisteredApi> byId =
                apis.stream().collect(Collectors.toMap(RegisteredApi::id, Function.identity()));
        Map<String, RegisteredApi> byIdentifier =
                apis.stream().collect(Collectors.toMap(RegisteredApi::identifier, Function.identity()));
        return new ApiLookup() {
            @Override
            public Optional<RegisteredApi> byId(String id) {
                return Optional.ofNullable(byId.get(id));
            }

            @Override
            public Optional<RegisteredApi> byIdentifier(String identifier) {
                return Optional.ofNullable(byIdentifier.get(identifier));
            }
        };
    }

    private static RegisteredClient client(Set<String> apiIds, Optional<String> defaultApi) {
        return new RegisteredClient(
                "back-office",
                true,
                true,
                Set.of("read"),
                apiIds,
                defaultApi,
                List.of(),
                Optional.empty(),
                java.time.Instant.EPOCH,
                Optional.empty());
    }

    private static RegisteredApi resolve(Optional<String> target, RegisteredClient client) {
        return TargetResolver.resolve(target, client, APIS);
    }

    private static OAuthException refused(Optional<String> target, RegisteredClient client) {
        return assertOAuthError(OAuthError.INVALID_TARGET, () -> resolve(target, client));
    }

    @Test
    void resolveWhenNoTargetAndOneApiGrantedThenThatApi() {
        assertEquals(POS, resolve(Optional.empty(), client(Set.of("pos"), Optional.empty())));
    }

    @Test
    void resolveWhenNoTargetAndSeveralGrantedThenTheDefault() {
        assertEquals(STOCK, resolve(Optional.empty(), client(Set.of("pos", "stock"), Optional.of("stock"))));
    }

    @Test
    void resolveWhenNoTargetAndSeveralGrantedWithoutDefaultThenInvalidTargetAskingToNameOne() {
        OAuthException e = refused(Optional.empty(), client(Set.of("pos", "stock"), Optional.empty()));
        assertEquals(TargetResolver.NAME_ONE, e.description());
    }

    @Test
    void resolveWhenNoApiGrantedThenInvalidTarget() {
        assertEquals(
                TargetResolver.NO_API,
                refused(Optional.empty(), client(Set.of(), Optional.empty())).description());
    }

    @Test
    void resolveWhenTargetGrantedThenThatApiEvenIfAnotherIsTheDefault() {
        assertEquals(
                POS,
                resolve(
                        Optional.of("https://pos.example.com/api"),
                        client(Set.of("pos", "stock"), Optional.of("stock"))));
    }

    @Test
    void resolveWhenTargetNotGrantedThenInvalidTargetReadingLikeAnUnknownOne() {
        RegisteredClient client = client(Set.of("pos"), Optional.empty());
        OAuthException notGranted = refused(Optional.of("https://others.example.com/api"), client);
        OAuthException unknown = refused(Optional.of("https://nobody.example.com/api"), client);
        assertEquals(unknown.description(), notGranted.description());
        assertNotEchoed("others", notGranted);
    }

    @Test
    void resolveWhenGrantedApiDisabledThenInvalidTarget() {
        RegisteredClient client = client(Set.of("pos", "off"), Optional.of("off"));
        assertEquals(
                TargetResolver.DISABLED,
                refused(Optional.of("https://off.example.com/api"), client).description());
        assertEquals(TargetResolver.DISABLED, refused(Optional.empty(), client).description());
    }

    @Test
    void resolveWhenDisabledApiNotGrantedThenItReadsLikeAnyOtherApiItMayNotCall() {
        RegisteredClient client = client(Set.of("pos"), Optional.empty());
        assertEquals(
                TargetResolver.NOT_CALLABLE,
                refused(Optional.of("https://off.example.com/api"), client).description());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api", "pos", "https://pos.example.com/api#x", "https://pos.example.com/api\u0000", " "})
    void resolveWhenTargetIsNotAnAbsoluteUriWithoutFragmentThenInvalidTarget(String target) {
        OAuthException e = refused(Optional.of(target), client(Set.of("pos"), Optional.empty()));
        assertEquals(TargetResolver.NOT_A_URI, e.description());
    }

    @Test
    void resolveWhenDefaultIsNoLongerGrantedThenTheOnlyGrantedApi() {
        assertEquals(POS, resolve(Optional.empty(), client(Set.of("pos"), Optional.of("stock"))));
    }

    @Test
    void resolveWhenGrantedApiWasRemovedMeanwhileThenInvalidTargetNotAnError() {
        refused(Optional.empty(), client(Set.of("gone"), Optional.empty()));
    }
}
