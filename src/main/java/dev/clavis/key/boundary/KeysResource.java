package dev.clavis.key.boundary;

import dev.clavis.key.control.KeyMaintenance;
import dev.clavis.key.control.SigningKeys;
import dev.clavis.platform.boundary.Outcomes;
import dev.clavis.platform.boundary.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /admin/api/keys}: the signing keys with their schedule, and the two rotations an administrator can ask for.
 * Never any part of a private key.
 */
@Path("keys")
@RequestScoped
@RolesAllowed("clavis-admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Signing keys", description = "Next, active, retired and revoked keys; planned and emergency rotation")
public class KeysResource {

    @Inject
    SigningKeys signingKeys;

    @Inject
    KeyMaintenance maintenance;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "List the signing keys", description = "By the instant each starts signing.")
    public List<SigningKeys.KeyStatus> list() {
        return signingKeys.statuses();
    }

    @POST
    @Path("rotate")
    @Operation(
            summary = "Rotate now",
            description = "The next key signs at the next safe instant: once it has been published a whole lead"
                    + " time (at once, usually). Tokens signed before keep validating.")
    @APIResponse(responseCode = "200", description = "When the next key signs")
    public Map<String, Instant> rotate() {
        Instant at = Outcomes.valueOrThrow(maintenance.rotate(actor(), Optional.empty()));
        signingKeys.load();
        return Map.of("nextKeySignsFrom", at);
    }

    @POST
    @Path("replace")
    @Operation(
            summary = "Replace now (emergency)",
            description = "Revokes the signing key: it leaves the JWKS at once, so every token it signed stops"
                    + " validating when resource servers read the JWKS again. The next key signs from now on and a new"
                    + " next key is made. Requires confirm=true.")
    @APIResponse(responseCode = "400", description = "Not confirmed")
    public Map<String, String> replace(@QueryParam("confirm") @DefaultValue("false") boolean confirm) {
        if (!confirm) {
            throw ProblemException.of(
                    400,
                    "Not confirmed",
                    "Replacing the signing key makes every token it signed invalid; send confirm=true to go ahead");
        }
        String revoked = Outcomes.valueOrThrow(maintenance.replace(actor(), Optional.empty()));
        signingKeys.load();
        return Map.of("revoked", revoked);
    }

    private String actor() {
        return security.getUserPrincipal().getName();
    }
}
