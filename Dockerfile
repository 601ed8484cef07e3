# Clavis on the official Payara Micro image. Build the WAR first: mvn -DskipTests package
# Run: docker run -p 8080:8080 -e CLAVIS_ISSUER=https://auth.example.com -e CLAVIS_DB_URL=jdbc:postgresql://db:5432/clavis \
#        -e CLAVIS_DB_USER=clavis -e CLAVIS_DB_PASSWORD=... -e CLAVIS_KEY_ENCRYPTION_KEY=$(openssl rand -base64 32) clavis
# Publish port 8080 only (never docker run -P): the base image also declares 6900, Payara Micro's Hazelcast port,
# which is unused here since clustering is off (see "Deployment" in the README).
FROM payara/micro:6.2025.10-jdk17
# ROOT.war deploys at the context root "/", so the issuer is the bare origin.
COPY --chown=payara:payara target/clavis.war ${DEPLOY_DIR}/ROOT.war
ENV CLAVIS_DATA_DIR=/opt/payara/clavis-data
EXPOSE 8080
# The image's own command plus --nocluster: Payara Micro would otherwise start Hazelcast and look for, and accept,
# cluster members over multicast. Clavis needs no cluster (instances coordinate through PostgreSQL).
CMD ["--nocluster", "--deploymentDir", "/opt/payara/deployments"]
