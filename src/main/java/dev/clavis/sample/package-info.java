/**
 * A protected sample API that validates Clavis tokens with MicroProfile JWT, as any resource server would. It
 * imports no other Clavis package.
 */
package dev.clavis.sample;
