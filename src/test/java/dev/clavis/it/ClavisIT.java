package dev.clavis.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of the integration tests that need Clavis running for the whole class: Arquillian deploys the WAR on
 * Payara Micro before the first test and undeploys it after the last. The tests are black-box ({@code testable =
 * false}): they run in this JVM and reach the server over HTTP only, so the WAR stays exactly as users get it.
 */
@ExtendWith(ArquillianExtension.class)
abstract class ClavisIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ClavisDeployment.war();
    }
}
