/** A protected sample API that validates Clavis tokens with MicroProfile JWT, as any resource server would. */
package dev.clavis.sample;
