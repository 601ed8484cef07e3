package dev.clavis.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR that {@code mvn package} built, exactly as users get it, deployed at the root context. */
final class ClavisDeployment {

    private ClavisDeployment() {}

    static WebArchive war() {
        IntegrationEnvironment.forgetGuesses();
        File war = new File(System.getProperty("clavis.it.war", "target/clavis.war"));
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
    }
}
