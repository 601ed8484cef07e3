package dev.clavis.platform.boundary;

import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Field;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sets a response's status, with the standard reason phrase for 429. Payara's HTTP layer (Grizzly) knows no phrase for
 * 429 and writes {@code HTTP/1.1 429 CUSTOM}, which reads like a fault in logs and confuses some clients; Servlet 6
 * removed the portable way to set a phrase. Payara's HTTP packet behind the facade the servlet sees still takes one, so it is
 * set there when it can be reached; on any other server, or if it ever
 * goes, the status is set alone (other servers, WildFly's Undertow among them, know 429's phrase).
 */
public final class StatusLine {

    private static final Logger LOG = Logger.getLogger(StatusLine.class.getName());
    private static final String TOO_MANY_REQUESTS = "Too Many Requests";

    private StatusLine() {}

    public static void set(HttpServletResponse response, int status) {
        response.setStatus(status);
        if (status == 429) {
            setPhrase(response, TOO_MANY_REQUESTS);
        }
    }

    private static void setPhrase(ServletResponse response, String phrase) {
        ServletResponse unwrapped = response;
        while (unwrapped instanceof ServletResponseWrapper wrapper) {
            unwrapped = wrapper.getResponse();
        }
        try {
            Object container = containerResponse(unwrapped);
            if (container != null) {
                // Catalina's response -> Grizzly's response -> the HTTP packet that is written out
                Object grizzly =
                        container.getClass().getMethod("getCoyoteResponse").invoke(container);
                Object packet = grizzly.getClass().getMethod("getResponse").invoke(grizzly);
                packet.getClass()
                        .getMethod("setAllowCustomReasonPhrase", boolean.class)
                        .invoke(packet, true);
                packet.getClass().getMethod("setReasonPhrase", String.class).invoke(packet, phrase);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "The reason phrase cannot be set on this server; the status goes alone", e);
        }
    }

    /** Payara's {@code ResponseFacade} keeps the container's response in its field {@code response}. */
    private static Object containerResponse(ServletResponse facade) throws ReflectiveOperationException {
        for (Class<?> type = facade.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals("org.apache.catalina.connector.ResponseFacade")) {
                Field field = type.getDeclaredField("response");
                field.setAccessible(true);
                return field.get(facade);
            }
        }
        return null;
    }
}
