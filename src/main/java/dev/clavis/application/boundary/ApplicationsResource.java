package dev.clavis.application.boundary;

import dev.clavis.application.control.ApplicationCatalog;
import dev.clavis.application.control.ApplicationForm;
import dev.clavis.application.entity.Application;
import dev.clavis.platform.boundary.JsonBody;
import dev.clavis.platform.boundary.Outcomes;
import dev.clavis.platform.boundary.ProblemException;
import dev.clavis.platform.boundary.Versions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /admin/api/applications}: registered applications (OAuth clients) and their secrets. */
@Path("applications")
@RequestScoped
@RolesAllowed("clavis-admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Applications", description = "Applications that obtain tokens with the client credentials flow")
public class ApplicationsResource {

    private static final Set<String> FIELDS = Set.of(
            "clientId",
            "displayName",
            "type",
            "clientCredentialsFlow",
            "roles",
            "apis",
            "defaultApi",
            "enabled",
            "accessTokenLifetimeSeconds",
            "clientSecret");
    /** What a GET returns and a PUT may send back unchanged. */
    private static final Set<String> READ_ONLY = Set.of("createdAt", "updatedAt", "secrets", "tokensRevokedBefore");

    private static final Set<String> SECRET_FIELDS = Set.of("clientSecret", "expiresAt");

    @Inject
    ApplicationCatalog catalog;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "List applications", description = "Every registered application, by client ID.")
    public List<ApplicationView> list() {
        return catalog.list().stream().map(ApplicationView::of).toList();
    }

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Register an application",
            description = "Creates an application. Without clientSecret, a"
                    + " 256-bit secret is generated. The response shows the secret in clear this once; store it in a password"
                    + " manager. An entered secret must be at least 32 characters and not trivially weak.")
    @APIResponse(responseCode = "201", description = "Registered; the body holds clientSecret")
    @APIResponse(responseCode = "400", description = "A field breaks a rule; errors[] names each")
    public Response register(InputStream body) {
        JsonBody json = JsonBody.read(body, FIELDS);
        ApplicationForm form = form(json, json.string("clientId").orElse(null), json.string("clientSecret"));
        json.requireNoErrors();
        ApplicationCatalog.NewSecret created = Outcomes.valueOrThrow(catalog.register(form, actor()));
        return createdWithSecret(created.application().clientId(), created);
    }

    @GET
    @Path("{clientId}")
    @Operation(summary = "Read an application", description = "The ETag is the version to send in If-Match.")
    public Response read(@PathParam("clientId") String clientId) {
        Application application = found(clientId);
        return Response.ok(ApplicationView.of(application))
                .tag(Versions.etag(application.version()))
                .build();
    }

    @PUT
    @Path("{clientId}")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change an application",
            description = "Replaces displayName, type, clientCredentialsFlow,"
                    + " roles, enabled and accessTokenLifetimeSeconds. The client ID cannot change. Requires If-Match with"
                    + " the ETag last read; a stale one gets 412 and changes nothing.")
    @APIResponse(responseCode = "412", description = "Someone changed the application since you read it")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response change(
            @PathParam("clientId") String clientId,
            @Parameter(description = "ETag from the last read") @HeaderParam("If-Match") String ifMatch,
            InputStream body) {
        long version = Versions.required(ifMatch);
        JsonBody json = JsonBody.read(body, union(FIELDS, READ_ONLY));
        json.string("clientId").filter(id -> !id.equals(clientId)).ifPresent(id -> {
            throw ProblemException.of(400, "Invalid request", "The client ID cannot be changed");
        });
        if (json.has("clientSecret")) {
            throw ProblemException.of(
                    400, "Invalid request", "Secrets are added and revoked under /applications/{clientId}/secrets");
        }
        ApplicationForm form = form(json, clientId, Optional.empty());
        json.requireNoErrors();
        Application application = Outcomes.valueOrThrow(catalog.change(clientId, form, version, actor()));
        return Response.ok(ApplicationView.of(application))
                .tag(Versions.etag(application.version()))
                .build();
    }

    @DELETE
    @Path("{clientId}")
    @Transactional
    @Operation(
            summary = "Delete an application",
            description = "Its tokens can no longer be obtained. If-Match is optional.")
    public Response remove(@PathParam("clientId") String clientId, @HeaderParam("If-Match") String ifMatch) {
        Optional<Long> version = ifMatch == null ? Optional.empty() : Optional.of(Versions.required(ifMatch));
        return Outcomes.noContent(catalog.remove(clientId, version, actor()));
    }

    @POST
    @Path("{clientId}/secrets")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Add a secret",
            description = "For rotation with overlap: add a secret, move the client to"
                    + " it, then revoke the old one or let it expire. At most two secrets are active at once. Optional"
                    + " clientSecret (else generated) and expiresAt (UTC). The response shows the secret this once.")
    @APIResponse(responseCode = "201", description = "Added; the body holds clientSecret")
    @APIResponse(responseCode = "409", description = "Two secrets are already active")
    public Response addSecret(@PathParam("clientId") String clientId, InputStream body) {
        JsonBody json = JsonBody.read(body, SECRET_FIELDS);
        Optional<String> secret = json.string("clientSecret");
        var expiresAt = json.instant("expiresAt");
        json.requireNoErrors();
        ApplicationCatalog.NewSecret added =
                Outcomes.valueOrThrow(catalog.addSecret(clientId, secret, expiresAt, actor()));
        return createdWithSecret(added.stored().id(), added);
    }

    @DELETE
    @Path("{clientId}/secrets/{secretId}")
    @Transactional
    @Operation(
            summary = "Revoke a secret",
            description = "Refused at the token endpoint from the next request on. With revokeTokens=true, every token"
                    + " the application holds is revoked too (a token does not say which secret obtained it).")
    public Response revokeSecret(
            @PathParam("clientId") String clientId,
            @PathParam("secretId") String secretId,
            @QueryParam("revokeTokens") @DefaultValue("false") boolean revokeTokens) {
        return Outcomes.noContent(catalog.revokeSecret(clientId, secretId, revokeTokens, actor()));
    }

    @POST
    @Path("{clientId}/tokens/revoke")
    @Transactional
    @Operation(
            summary = "Revoke all tokens of an application",
            description = "Every token issued to it until now is no longer active: introspection answers active:false"
                    + " and the admin and sample APIs refuse it from the next request on. The application can get"
                    + " new tokens at once (from the next second on). Audited.")
    @APIResponse(responseCode = "200", description = "Revoked; the body shows tokensRevokedBefore")
    public Response revokeTokens(@PathParam("clientId") String clientId) {
        Application application = Outcomes.valueOrThrow(catalog.revokeTokens(clientId, actor()));
        return Response.ok(ApplicationView.of(application))
                .tag(Versions.etag(application.version()))
                .build();
    }

    /** 201 for a new secret: the only response that shows it, and one no cache may keep. */
    private Response createdWithSecret(String path, ApplicationCatalog.NewSecret created) {
        return Response.created(uriInfo.getAbsolutePathBuilder().path(path).build())
                .tag(Versions.etag(created.application().version()))
                .header("Cache-Control", "no-store")
                .entity(ApplicationView.withSecret(created.application(), created.clearSecret()))
                .build();
    }

    private Application found(String clientId) {
        return catalog.find(clientId).orElseThrow(() -> ProblemException.notFound("Application " + clientId));
    }

    private static ApplicationForm form(JsonBody json, String clientId, Optional<String> secret) {
        return new ApplicationForm(
                clientId,
                json.string("displayName").orElse(null),
                json.string("type").orElse(null),
                json.bool("clientCredentialsFlow").orElse(null),
                json.strings("roles").orElse(null),
                json.strings("apis").orElse(null),
                json.string("defaultApi").orElse(null),
                json.bool("enabled").orElse(null),
                json.integer("accessTokenLifetimeSeconds").orElse(null),
                secret.orElse(null));
    }

    private String actor() {
        return security.getUserPrincipal().getName();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(java.util.stream.Collectors.toSet());
    }
}
