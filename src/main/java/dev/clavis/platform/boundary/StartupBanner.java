package dev.clavis.platform.boundary;

import dev.clavis.application.control.BootstrapApplication;

/**
 * Tells the operator where Clavis is and how to get a first token. The bootstrap secret appears here exactly once,
 * on the start that generated it; it is written to standard output, never through a logger, and never again.
 */
final class StartupBanner {

    private StartupBanner() {}

    static void print(String issuer, BootstrapApplication.Outcome bootstrap) {
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
                .append(" Admin client ID: ")
                .append(bootstrap.clientId())
                .append(" (")
                .append(bootstrap.action())
                .append(")\n");
        bootstrap.generatedSecret().ifPresent(secret -> banner.append(" Admin secret:    ")
                .append(secret)
                .append('\n')
                .append("   This secret is shown only now. Store it in a password manager.\n")
                .append("   Try: curl -u ")
                .append(bootstrap.clientId())
                .append(":<secret> -d grant_type=client_credentials ")
                .append(issuer)
                .append("/oauth2/token\n"));
        banner.append("==================================================================\n");
        System.out.println(banner);
    }
}
