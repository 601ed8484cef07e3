package dev.clavis.role.boundary;

import dev.clavis.platform.boundary.JsonBody;
import dev.clavis.platform.boundary.Outcomes;
import dev.clavis.platform.boundary.ProblemException;
import dev.clavis.platform.boundary.Versions;
import dev.clavis.role.control.RoleCatalog;
import dev.clavis.role.entity.Role;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /admin/api/roles}: the roles applications can hold, which are also the scope values they request. */
@Path("roles")
@RequestScoped
@RolesAllowed("clavis-admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Roles", description = "Built-in common roles and custom ones")
public class RolesResource {

    private static final Set<String> FIELDS = Set.of("name", "description", "builtIn");

    @Inject
    RoleCatalog catalog;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "List roles", description = "Built-in and custom roles, by name.")
    public List<RoleView> list() {
        return catalog.list().stream().map(RoleView::of).toList();
    }

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a custom role", description = "name: 2-64 lower-case letters, digits, '.', '-', '_'.")
    @APIResponse(responseCode = "201", description = "Created")
    public Response create(InputStream body) {
        JsonBody json = JsonBody.read(body, FIELDS);
        String name = json.string("name").orElse(null);
        String description = json.string("description").orElse(null);
        json.bool("builtIn").filter(Boolean::booleanValue).ifPresent(builtIn -> {
            throw ProblemException.of(400, "Invalid request", "Only Clavis itself defines built-in roles");
        });
        json.requireNoErrors();
        Role role = Outcomes.valueOrThrow(
                catalog.create(name, description, security.getUserPrincipal().getName()));
        return Response.created(
                        uriInfo.getAbsolutePathBuilder().path(role.name()).build())
                .tag(Versions.etag(role.version()))
                .entity(RoleView.of(role))
                .build();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "Read a role", description = "The ETag is the version to send in If-Match.")
    public Response read(@PathParam("name") String name) {
        Role role = catalog.find(name).orElseThrow(() -> ProblemException.notFound("Role " + name));
        return Response.ok(RoleView.of(role)).tag(Versions.etag(role.version())).build();
    }

    @PUT
    @Path("{name}")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change a custom role's description",
            description = "Requires If-Match. Built-in roles and names cannot be changed.")
    @APIResponse(responseCode = "409", description = "The role is built in")
    @APIResponse(responseCode = "412", description = "Someone changed the role since you read it")
    public Response changeDescription(
            @PathParam("name") String name, @HeaderParam("If-Match") String ifMatch, InputStream body) {
        long version = Versions.required(ifMatch);
        JsonBody json = JsonBody.read(body, FIELDS);
        json.string("name").filter(other -> !other.equals(name)).ifPresent(other -> {
            throw ProblemException.of(400, "Invalid request", "A role's name cannot be changed");
        });
        String description = json.string("description").orElse(null);
        json.requireNoErrors();
        Role role = Outcomes.valueOrThrow(catalog.changeDescription(
                name, description, version, security.getUserPrincipal().getName()));
        return Response.ok(RoleView.of(role)).tag(Versions.etag(role.version())).build();
    }

    @DELETE
    @Path("{name}")
    @Transactional
    @Operation(
            summary = "Delete a custom role",
            description = "Refused with 409, naming the applications that hold"
                    + " it, unless force=true, which withdraws it from them first.")
    @APIResponse(responseCode = "409", description = "Built in, or held by applications (named in detail)")
    public Response remove(@PathParam("name") String name, @QueryParam("force") @DefaultValue("false") boolean force) {
        return Outcomes.noContent(
                catalog.remove(name, force, security.getUserPrincipal().getName()));
    }
}
