package dev.clavis.admin.boundary;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The token requests the "Connect your application" panel shows for one API: curl with HTTP Basic and with the
 * credentials in the form body (RFC 6749 §2.3.1), both naming the API with {@code resource} (RFC 8707 §2), and MSAL,
 * which names it with the scope {@code {identifier}/.default}. Values are quoted for the shell and for C# and Java
 * string literals, so that what an administrator copies runs as shown; the page escapes the text for HTML.
 *
 * @param identifier the API's identifier, the {@code aud} of its tokens
 */
public record ConnectExamples(
        String displayName,
        String identifier,
        List<String> roles,
        boolean isDefault,
        String basic,
        String post,
        String msalScope,
        String msalNet,
        String msal4j)
        implements Serializable {

    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

    static ConnectExamples of(ApplicationStatus.Target target, String clientId, String issuer, String tokenEndpoint) {
        String resource = shellWord("resource=" + target.identifier());
        String endpoint = shellWord(tokenEndpoint);
        String scope = target.identifier() + "/.default";
        String basic = "export CLIENT_ID=" + shellWord(clientId) + "\n"
                + "export CLIENT_SECRET=...   # from your password manager\n"
                + "curl -u \"$CLIENT_ID:$CLIENT_SECRET\" -d grant_type=client_credentials \\\n"
                + "     --data-urlencode " + resource + " " + endpoint;
        String post = "curl -d grant_type=client_credentials -d client_id=\"$CLIENT_ID\" \\\n"
                + "     --data-urlencode client_secret=\"$CLIENT_SECRET\" \\\n"
                + "     --data-urlencode " + resource + " " + endpoint;
        String msalNet = "var app = ConfidentialClientApplicationBuilder\n"
                + "    .Create(Environment.GetEnvironmentVariable(\"CLIENT_ID\"))\n"
                + "    .WithClientSecret(Environment.GetEnvironmentVariable(\"CLIENT_SECRET\"))\n"
                + "    .WithOidcAuthority(" + literal(issuer) + ")\n"
                + "    .Build();\n"
                + "var result = await app.AcquireTokenForClient(new[] { " + literal(scope) + " })\n"
                + "    .ExecuteAsync();\n"
                + "string accessToken = result.AccessToken;";
        String msal4j = "ConfidentialClientApplication app = ConfidentialClientApplication\n"
                + "        .builder(System.getenv(\"CLIENT_ID\"),\n"
                + "                ClientCredentialFactory.createFromSecret(System.getenv(\"CLIENT_SECRET\")))\n"
                + "        .oidcAuthority(" + literal(issuer) + ")\n"
                + "        .build();\n"
                + "IAuthenticationResult result = app.acquireToken(ClientCredentialParameters\n"
                + "        .builder(Set.of(" + literal(scope) + ")).build()).get();\n"
                + "String accessToken = result.accessToken();";
        return new ConnectExamples(
                target.displayName(),
                target.identifier(),
                target.roles(),
                target.isDefault(),
                basic,
                post,
                scope,
                msalNet,
                msal4j);
    }

    /** One shell word: as it is when nothing in it is special to the shell, else in single quotes. */
    static String shellWord(String value) {
        if (SHELL_SAFE.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** A string literal, the same in C# and Java for what an identifier or issuer may hold. */
    static String literal(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
