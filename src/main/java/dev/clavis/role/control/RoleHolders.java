package dev.clavis.role.control;

import dev.clavis.role.entity.Role;
import java.util.List;

/**
 * The applications that hold a role, as the role feature must know them before it deletes one. Applications hold
 * roles, not the other way round, so the application feature implements this; the role feature stays unaware of
 * applications and the dependency between the two runs one way. (An interface with one implementation, on purpose:
 * it is the seam that keeps that arrow pointing one way.)
 */
public interface RoleHolders {

    /** @return the client IDs of the applications that hold the role, in order */
    List<String> of(String roleName);

    /** Takes the role away from every application that holds it, in the caller's transaction. */
    void withdrawEverywhere(Role role);
}
