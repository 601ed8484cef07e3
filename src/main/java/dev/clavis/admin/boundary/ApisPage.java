package dev.clavis.admin.boundary;

import dev.clavis.api.control.ApiCatalog;
import dev.clavis.api.entity.Api;
import dev.clavis.role.entity.Role;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Security / OpenID Connect / APIs: the APIs applications get tokens for, and how many applications may call each. */
@Named
@ViewScoped
public class ApisPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One line of the table. */
    public record Row(
            String id,
            String displayName,
            String identifier,
            String tokenFormat,
            String roles,
            int callers,
            boolean enabled,
            boolean builtIn)
            implements Serializable {}

    @Inject
    transient ApiCatalog catalog;

    private List<Row> rows;

    public void load() {
        rows = catalog.list().stream().map(this::row).toList();
    }

    private Row row(Api api) {
        return new Row(
                api.id(),
                api.displayName(),
                api.identifier(),
                ApiDescriptions.tokenFormat(api.tokenFormat()),
                ApiDescriptions.understood(
                        api.understandsEveryRole(),
                        api.roles().stream().map(Role::name).sorted().toList()),
                catalog.grantees(api.id()).size(),
                api.isEnabled(),
                api.isBuiltIn());
    }

    public List<Row> getRows() {
        return rows;
    }
}
