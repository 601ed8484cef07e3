package dev.clavis.admin.boundary;

import dev.clavis.api.entity.TokenFormat;
import java.util.List;

/** How the pages name an API's token format and the roles it understands. */
final class ApiDescriptions {

    private ApiDescriptions() {}

    static String tokenFormat(TokenFormat format) {
        return switch (format) {
            case RFC9068 -> "RFC 9068 (typ at+jwt)";
            case MICROPROFILE -> "MicroProfile JWT (typ JWT, upn)";
        };
    }

    static String understood(boolean everyRole, List<String> roles) {
        if (everyRole) {
            return "Every role but clavis-admin";
        }
        return roles.isEmpty() ? "No role" : String.join(", ", roles);
    }
}
