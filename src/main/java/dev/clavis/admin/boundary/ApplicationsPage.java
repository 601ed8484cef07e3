package dev.clavis.admin.boundary;

import dev.clavis.api.entity.Api;
import dev.clavis.application.control.ApplicationCatalog;
import dev.clavis.application.entity.Application;
import dev.clavis.application.entity.ClientSecret;
import dev.clavis.role.entity.Role;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Security / OpenID Connect / Applications: the registered applications, filtered by a text. */
@Named
@ViewScoped
public class ApplicationsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One line of the table. */
    public record Row(
            String clientId,
            String displayName,
            String type,
            String flows,
            String roles,
            String apis,
            long activeSecrets,
            Instant nearestExpiry,
            boolean enabled)
            implements Serializable {}

    @Inject
    transient ApplicationCatalog catalog;

    private String filter;
    private List<Row> rows;

    public void load() {
        String needle = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
        Instant now = Instant.now();
        rows = catalog.list().stream()
                .filter(application -> needle.isEmpty()
                        || application.clientId().contains(needle)
                        || application.displayName().toLowerCase(Locale.ROOT).contains(needle))
                .map(application -> row(application, now))
                .toList();
    }

    private static Row row(Application application, Instant now) {
        List<ClientSecret> active = application.secrets().stream()
                .filter(secret -> secret.isActive(now))
                .toList();
        return new Row(
                application.clientId(),
                application.displayName(),
                "Confidential client",
                application.isClientCredentialsFlow() ? "Client Credentials" : "None",
                String.join(
                        ", ",
                        application.roles().stream().map(Role::name).sorted().toList()),
                String.join(
                        ", ",
                        application.apis().stream()
                                .map(Api::displayName)
                                .sorted()
                                .toList()),
                active.size(),
                active.stream()
                        .map(ClientSecret::expiresAt)
                        .filter(expiry -> expiry != null)
                        .min(Comparator.naturalOrder())
                        .orElse(null),
                application.isEnabled());
    }

    public List<Row> getRows() {
        return rows;
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter;
    }
}
