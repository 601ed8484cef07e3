package dev.clavis.api.entity;

/** How the access tokens for an API are typed and which claims they add, for the resource servers that read them. */
public enum TokenFormat {
    /** RFC 9068 JWT access token: header {@code typ: at+jwt}. The default, for any validator that follows RFC 9068. */
    RFC9068("at+jwt"),
    /**
     * MicroProfile JWT: header {@code typ: JWT} and a {@code upn} claim, which a stock Payara MP-JWT resource server
     * accepts without turning its type verification off.
     */
    MICROPROFILE("JWT");

    private final String headerType;

    TokenFormat(String headerType) {
        this.headerType = headerType;
    }

    /** @return the JOSE header {@code typ} of its tokens */
    public String headerType() {
        return headerType;
    }
}
