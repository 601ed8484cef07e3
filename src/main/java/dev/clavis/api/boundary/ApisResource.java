package dev.clavis.api.boundary;

import dev.clavis.api.control.ApiCatalog;
import dev.clavis.api.control.ApiForm;
import dev.clavis.api.entity.Api;
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
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /admin/api/apis}: the APIs applications get tokens for, each the {@code aud} of its tokens (RFC 8707). */
@Path("apis")
@RequestScoped
@RolesAllowed("clavis-admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "APIs", description = "The protected resources tokens are for: identifier (aud), roles, token format")
public class ApisResource {

    private static final Set<String> FIELDS = Set.of(
            "identifier",
            "displayName",
            "roles",
            "everyRole",
            "tokenFormat",
            "accessTokenLifetimeSeconds",
            "enabled",
            "signingAlgorithm",
            "introspectingClient");
    /** What a GET returns and a PUT may send back unchanged. */
    private static final Set<String> READ_ONLY = Set.of("id", "builtIn", "grantedTo", "createdAt", "updatedAt");

    @Inject
    ApiCatalog catalog;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "List APIs", description = "Built-in and added APIs, by display name.")
    public List<ApiView> list() {
        return catalog.list().stream().map(this::view).toList();
    }

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Add an API",
            description = "identifier: an absolute URI without a fragment, unique; it becomes the tokens' aud."
                    + " tokenFormat: RFC9068 (default) or MICROPROFILE.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "Another API has this identifier")
    public Response create(InputStream body) {
        ApiForm form = form(JsonBody.read(body, FIELDS));
        Api api = Outcomes.valueOrThrow(catalog.create(form, actor()));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(api.id()).build())
                .tag(Versions.etag(api.version()))
                .entity(view(api))
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read an API", description = "The ETag is the version to send in If-Match.")
    public Response read(@PathParam("id") String id) {
        Api api = catalog.find(id).orElseThrow(() -> ProblemException.notFound("API " + id));
        return Response.ok(view(api)).tag(Versions.etag(api.version())).build();
    }

    @PUT
    @Path("{id}")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change an API",
            description = "Requires If-Match. Built-in APIs cannot be changed. Tokens already issued keep their aud.")
    @APIResponse(responseCode = "409", description = "Built in, or another API has the identifier")
    @APIResponse(responseCode = "412", description = "Someone changed the API since you read it")
    public Response change(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, InputStream body) {
        long version = Versions.required(ifMatch);
        JsonBody json = JsonBody.read(body, union(FIELDS, READ_ONLY));
        json.string("id").filter(other -> !other.equals(id)).ifPresent(other -> {
            throw ProblemException.of(400, "Invalid request", "An API's ID cannot be changed");
        });
        Api api = Outcomes.valueOrThrow(catalog.change(id, form(json), version, actor()));
        return Response.ok(view(api)).tag(Versions.etag(api.version())).build();
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @Operation(
            summary = "Delete an API",
            description = "Refused with 409, naming the applications that may call it, unless force=true, which"
                    + " withdraws it from them first.")
    @APIResponse(responseCode = "409", description = "Built in, or granted to applications (named in detail)")
    public Response remove(@PathParam("id") String id, @QueryParam("force") @DefaultValue("false") boolean force) {
        return Outcomes.noContent(catalog.remove(id, force, actor()));
    }

    private ApiView view(Api api) {
        return ApiView.of(api, catalog.grantees(api.id()));
    }

    private static ApiForm form(JsonBody json) {
        ApiForm form = new ApiForm(
                json.string("identifier").orElse(null),
                json.string("displayName").orElse(null),
                json.strings("roles").orElse(null),
                json.bool("everyRole").orElse(null),
                json.string("tokenFormat").orElse(null),
                json.integer("accessTokenLifetimeSeconds").orElse(null),
                json.bool("enabled").orElse(null),
                json.string("signingAlgorithm").orElse(null),
                json.string("introspectingClient").orElse(null));
        json.requireNoErrors();
        return form;
    }

    private String actor() {
        return security.getUserPrincipal().getName();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
    }
}
