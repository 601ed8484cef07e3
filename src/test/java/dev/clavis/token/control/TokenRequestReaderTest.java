package dev.clavis.token.control;

import static dev.clavis.token.control.BasicCredentialsTest.basic;
import static dev.clavis.token.control.OAuthAssertions.assertNotEchoed;
import static dev.clavis.token.control.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clavis.platform.control.OAuthError;
import dev.clavis.platform.control.OAuthException;
import dev.clavis.token.control.ClientCredentials.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenRequestReaderTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String CLIENT_ID = "my-app";
    private static final String SECRET = "TopSecret42";
    private static final String BASIC = basic(CLIENT_ID + ":" + SECRET);
    private static final String GRANT = "grant_type=client_credentials";
    private static final String SECRET_POST = GRANT + "&client_id=" + CLIENT_ID + "&client_secret=" + SECRET;

    private final TokenRequestReader reader = new TokenRequestReader();

    private TokenRequest read(String contentType, String query, List<String> authorization, String body) {
        return reader.read(contentType, query, authorization, body.getBytes(StandardCharsets.UTF_8));
    }

    private TokenRequest readBasic(String body) {
        return read(FORM, null, List.of(BASIC), body);
    }

    private TokenRequest readWithoutHeader(String body) {
        return read(FORM, null, List.of(), body);
    }

    private static TokenRequest request(Method method, Optional<String> scope) {
        return new TokenRequest(
                "client_credentials", new ClientCredentials(CLIENT_ID, SECRET, method), scope, Optional.empty());
    }

    @Test
    void readWhenBasicThenRequestWithBasicCredentials() {
        assertEquals(request(Method.CLIENT_SECRET_BASIC, Optional.empty()), readBasic(GRANT));
    }

    @Test
    void readWhenClientSecretPostThenRequestWithPostCredentials() {
        assertEquals(request(Method.CLIENT_SECRET_POST, Optional.empty()), readWithoutHeader(SECRET_POST));
    }

    @Test
    void readWhenScopeSentThenScopeDecoded() {
        assertEquals(
                request(Method.CLIENT_SECRET_BASIC, Optional.of("read write")), readBasic(GRANT + "&scope=read+write"));
    }

    @Test
    void readWhenScopeEmptyThenTreatedAsOmitted() {
        assertEquals(request(Method.CLIENT_SECRET_BASIC, Optional.empty()), readBasic(GRANT + "&scope="));
    }

    @Test
    void readWhenOtherGrantTypeThenReadAsSent() {
        // Whether the grant type is supported is decided after client authentication.
        assertEquals("password", readBasic("grant_type=password").grantType());
    }

    @Test
    void readWhenUnknownParametersThenIgnored() {
        // RFC 6749 §3.2: the authorization server MUST ignore unrecognized request parameters.
        assertEquals(request(Method.CLIENT_SECRET_BASIC, Optional.empty()), readBasic(GRANT + "&foo=bar&claims=x"));
    }

    @Test
    void readWhenContentTypeMissingThenInvalidRequest() {
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> read(null, null, List.of(BASIC), GRANT));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/json",
                "text/plain",
                "multipart/form-data; boundary=x",
                "",
                "application/x-www-form-urlencoded-x",
                "application/x-www-form"
            })
    void readWhenContentTypeWrongThenInvalidRequest(String contentType) {
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> read(contentType, null, List.of(BASIC), GRANT));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/x-www-form-urlencoded",
                "Application/X-WWW-Form-Urlencoded",
                "application/x-www-form-urlencoded; charset=utf-8",
                "application/x-www-form-urlencoded;charset=UTF-8",
                "application/x-www-form-urlencoded; charset=\"UTF-8\"",
                " application/x-www-form-urlencoded ; charset=utf-8 "
            })
    void readWhenFormContentTypeInUtf8ThenAccepted(String contentType) {
        assertEquals(
                request(Method.CLIENT_SECRET_BASIC, Optional.empty()), read(contentType, null, List.of(BASIC), GRANT));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/x-www-form-urlencoded; charset=iso-8859-1",
                "application/x-www-form-urlencoded; charset=windows-1252"
            })
    void readWhenCharsetNotUtf8ThenInvalidRequest(String contentType) {
        // RFC 6749 Appendix B: the body is UTF-8.
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> read(contentType, null, List.of(BASIC), GRANT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"grant_type=client_credentials", "foo", "a=b&c=d", "="})
    void readWhenQueryStringPresentThenInvalidRequest(String query) {
        // RFC 6749 §3.2: parameters are sent in the body.
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> read(FORM, query, List.of(BASIC), GRANT));
    }

    @Test
    void readWhenCredentialsInQueryStringThenDescriptionDoesNotEchoThem() {
        OAuthException e = assertOAuthError(
                OAuthError.INVALID_REQUEST,
                () -> read(FORM, "client_id=" + CLIENT_ID + "&client_secret=" + SECRET, List.of(), GRANT));
        assertNotEchoed(SECRET, e);
    }

    @Test
    void readWhenQueryStringEmptyThenAccepted() {
        assertEquals(request(Method.CLIENT_SECRET_BASIC, Optional.empty()), read(FORM, "", List.of(BASIC), GRANT));
    }

    @Test
    void readWhenGrantTypeMissingThenInvalidRequest() {
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> readBasic("scope=read"));
    }

    @Test
    void readWhenGrantTypeEmptyThenInvalidRequest() {
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> readBasic("grant_type=&scope=read"));
    }

    @Test
    void readWhenBodyEmptyThenInvalidRequest() {
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> readBasic(""));
    }

    @Test
    void readWhenGrantTypeRepeatedThenInvalidRequest() {
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> readBasic(GRANT + "&" + GRANT));
    }

    @Test
    void readWhenClientSecretRepeatedThenInvalidRequestWithoutEchoingIt() {
        OAuthException e = assertOAuthError(
                OAuthError.INVALID_REQUEST, () -> readWithoutHeader(SECRET_POST + "&client_secret=Other" + SECRET));
        assertNotEchoed(SECRET, e);
    }

    @Test
    void readWhenBasicAndClientSecretThenInvalidRequest() {
        // RFC 6749 §2.3: the client MUST NOT use more than one authentication method in each request.
        OAuthException e =
                assertOAuthError(OAuthError.INVALID_REQUEST, () -> readBasic(GRANT + "&client_secret=" + SECRET));
        assertNotEchoed(SECRET, e);
    }

    @Test
    void readWhenBasicAndMatchingClientIdInBodyThenAccepted() {
        assertEquals(
                request(Method.CLIENT_SECRET_BASIC, Optional.empty()), readBasic(GRANT + "&client_id=" + CLIENT_ID));
    }

    @Test
    void readWhenBasicClientIdEncodedAndBodyClientIdEncodedThenComparedDecoded() {
        TokenRequest request = read(FORM, null, List.of(basic("urn%3Aapp:" + SECRET)), GRANT + "&client_id=urn%3Aapp");
        assertEquals(new ClientCredentials("urn:app", SECRET, Method.CLIENT_SECRET_BASIC), request.credentials());
    }

    @Test
    void readWhenBasicAndMismatchingClientIdInBodyThenInvalidRequest() {
        OAuthException e =
                assertOAuthError(OAuthError.INVALID_REQUEST, () -> readBasic(GRANT + "&client_id=other-app"));
        assertNotEchoed(SECRET, e);
    }

    @Test
    void readWhenTwoAuthorizationHeadersThenInvalidRequest() {
        assertOAuthError(
                OAuthError.INVALID_REQUEST, () -> read(FORM, null, List.of(BASIC, basic("other-app:other")), GRANT));
    }

    @Test
    void readWhenTwoIdenticalAuthorizationHeadersThenInvalidRequest() {
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> read(FORM, null, List.of(BASIC, BASIC), GRANT));
    }

    @Test
    void readWhenNoAuthenticationThenInvalidClient401() {
        OAuthException e = assertOAuthError(OAuthError.INVALID_CLIENT, () -> readWithoutHeader(GRANT));
        assertEquals(401, e.status());
    }

    @Test
    void readWhenOnlyClientIdInBodyThenInvalidClient() {
        assertOAuthError(OAuthError.INVALID_CLIENT, () -> readWithoutHeader(GRANT + "&client_id=" + CLIENT_ID));
    }

    @Test
    void readWhenOnlyClientSecretInBodyThenInvalidClientWithoutEchoingIt() {
        OAuthException e = assertOAuthError(
                OAuthError.INVALID_CLIENT, () -> readWithoutHeader(GRANT + "&client_secret=" + SECRET));
        assertNotEchoed(SECRET, e);
    }

    @Test
    void readWhenEmptyClientSecretInBodyThenInvalidClient() {
        assertOAuthError(
                OAuthError.INVALID_CLIENT,
                () -> readWithoutHeader(GRANT + "&client_id=" + CLIENT_ID + "&client_secret="));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig", "Digest username=\"my-app\"", "Basicxyz", ""})
    void readWhenNonBasicSchemeThenInvalidClient401(String header) {
        OAuthException e = assertOAuthError(OAuthError.INVALID_CLIENT, () -> read(FORM, null, List.of(header), GRANT));
        assertEquals(401, e.status());
    }

    @Test
    void readWhenBasicMalformedThenInvalidRequest() {
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> read(FORM, null, List.of("Basic !!!!"), GRANT));
    }

    @Test
    void readWhenBasicMalformedThenDescriptionDoesNotEchoSecret() {
        OAuthException e = assertOAuthError(
                OAuthError.INVALID_REQUEST,
                () -> read(FORM, null, List.of(basic(CLIENT_ID + ":" + SECRET + "%")), GRANT));
        assertNotEchoed(SECRET, e);
    }

    private static final String API = "https://pos.example.com/api";

    @Test
    void readWhenResourceSentThenItIsTheTarget() {
        TokenRequest request = readBasic(GRANT + "&resource=https%3A%2F%2Fpos.example.com%2Fapi");
        assertEquals(Optional.of(API), request.target());
        assertEquals(Optional.empty(), request.scope());
    }

    @Test
    void readWhenAudienceSentThenItIsTheTarget() {
        assertEquals(
                Optional.of("api://pos"),
                readBasic(GRANT + "&audience=api://pos").target());
    }

    @Test
    void readWhenResourceRepeatedWithTheSameValueThenOneTarget() {
        assertEquals(
                Optional.of(API),
                readBasic(GRANT + "&resource=" + API + "&resource=" + API).target());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "&resource=https://a.example/api&resource=https://b.example/api",
                "&resource=https://a.example/api&audience=https://b.example/api",
                "&resource=https://a.example/api&scope=https://b.example/api/.default",
                "&scope=https://a.example/api/.default+https://b.example/api/.default"
            })
    void readWhenSeveralDifferentTargetsThenInvalidTargetWithoutEchoingThem(String parameters) {
        OAuthException e = assertOAuthError(OAuthError.INVALID_TARGET, () -> readBasic(GRANT + parameters));
        assertNotEchoed("example", e);
    }

    @Test
    void readWhenMsalScopeThenTargetFromDefaultAndNoRolesAsked() {
        TokenRequest request = readWithoutHeader(SECRET_POST
                + "&client_info=1&scope=openid+profile+offline_access+api%3A%2F%2Fpos-backoffice%2F.default");
        assertEquals(Optional.of("api://pos-backoffice"), request.target());
        assertEquals(Optional.empty(), request.scope());
    }

    @Test
    void readWhenDefaultScopeWithRolesThenRolesKeptAndTargetTaken() {
        TokenRequest request = readBasic(GRANT + "&scope=pos.sales.read+" + API + "/.default");
        assertEquals(Optional.of(API), request.target());
        assertEquals(Optional.of("pos.sales.read"), request.scope());
    }

    @Test
    void readWhenOpenidWithoutDefaultScopeThenItStaysARoleRequest() {
        assertEquals(Optional.of("openid"), readBasic(GRANT + "&scope=openid").scope());
    }

    @Test
    void readWhenResourceAndMatchingDefaultScopeThenOneTarget() {
        assertEquals(
                Optional.of(API),
                readBasic(GRANT + "&resource=" + API + "&scope=" + API + "/.default")
                        .target());
    }
}
