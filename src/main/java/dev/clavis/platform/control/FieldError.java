package dev.clavis.platform.control;

/** A rule a submitted field breaks, in words for the person who filled it in. Shared by the admin API and pages. */
public record FieldError(String field, String message) {}
