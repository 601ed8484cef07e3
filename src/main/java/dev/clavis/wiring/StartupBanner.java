package dev.clavis.wiring;

import dev.clavis.admin.control.BootstrapAdministrator;
import dev.clavis.application.control.BootstrapApplication;

/**
 * Tells the operator where Clavis is, how to get a first token and where to sign in. The bootstrap secret and
 * password appear here exactly once, on the start that generated them; they are written to standard output, never
 * through a logger, and never again.
 */
final class StartupBanner {

    private StartupBanner() {}

    static void print(
            String issuer,
            BootstrapApplication.Provisioned bootstrap,
            BootstrapAdministrator.Provisioned administrator) {
        StringBuilder banner = new StringBuilder()
                .append("\n==================================================================\n")
                .append(" Clavis is ready at ")
                .append(issuer)
                .append('\n')
                .append(" Token endpoint:  ")
                .append(issuer)
                .append("/oauth2/token\n")
                .append(" Discovery:       ")
                .append(issuer)
                .append("/.well-known/openid-configuration\n")
                .append(" Admin client:    ")
                .append(bootstrap.clientId())
                .append(" (")
                .append(bootstrap.action())
                .append(")\n");
        bootstrap.generatedSecret().ifPresent(secret -> banner.append(" Client secret:   ")
                .append(secret)
                .append('\n')
                .append("   This secret is shown only now. Store it in a password manager.\n")
                .append("   Try: curl -u ")
                .append(bootstrap.clientId())
                .append(":<secret> -d grant_type=client_credentials ")
                .append(issuer)
                .append("/oauth2/token\n"));
        banner.append(" Admin pages:     ")
                .append(issuer)
                .append("/admin/ (sign in as ")
                .append(administrator.username())
                .append(", ")
                .append(administrator.action())
                .append(")\n");
        administrator.generatedPassword().ifPresent(password -> banner.append(" Admin password:  ")
                .append(password)
                .append('\n')
                .append("   This password is shown only now. Store it in a password manager.\n"));
        banner.append("==================================================================\n");
        System.out.println(banner);
    }
}
