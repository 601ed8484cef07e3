package dev.clavis.key.entity;

/** Where a signing key is in its life: published before it signs, signing, then published until its tokens expire. */
public enum KeyState {
    NEXT,
    ACTIVE,
    RETIRED
}
