package dev.clavis.application.entity;

/** The OAuth client type (RFC 6749 §2.1). Only confidential clients may use the client credentials grant. */
public enum ClientType {
    CONFIDENTIAL
}
