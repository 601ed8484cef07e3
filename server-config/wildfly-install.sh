#!/usr/bin/env bash
# Sets up an unpacked WildFly 39.0.1.Final (the full distribution, org.wildfly:wildfly-dist:39.0.1.Final:zip) for
# Clavis, once:
#   server-config/wildfly-install.sh $WILDFLY_HOME
# 1. the modules Clavis needs (server-config/wildfly/modules): EclipseLink added to WildFly's org.eclipse.persistence
#    module, and the PostgreSQL driver as org.postgresql;
# 2. their jars, downloaded from Maven Central, or taken from ECLIPSELINK_JAR and POSTGRESQL_JAR when set (the build
#    sets them, from its local repository);
# 3. standalone.xml, with server-config/wildfly.cli.
# Run again, it changes nothing: standalone.xml that already has Clavis's datasource is left alone.
set -euo pipefail

home=${1:?usage: $0 WILDFLY_HOME}
here=$(cd "$(dirname "$0")" && pwd)
eclipselink_version=4.0.9
postgresql_version=42.7.14
central=https://repo.maven.apache.org/maven2

# Copies the given jar, or downloads the artifact, into a module folder.
install_jar() {
    local given=$1 path=$2 target=$3
    if [[ -n "$given" ]]; then
        cp "$given" "$target/"
    elif [[ ! -f "$target/$(basename "$path")" ]]; then
        curl -fsSL -o "$target/$(basename "$path")" "$central/$path"
    fi
}

cp -r "$here/wildfly/modules/." "$home/modules/"
install_jar "${ECLIPSELINK_JAR:-}" \
    "org/eclipse/persistence/eclipselink/$eclipselink_version/eclipselink-$eclipselink_version.jar" \
    "$home/modules/system/layers/base/org/eclipse/persistence/main"
install_jar "${POSTGRESQL_JAR:-}" \
    "org/postgresql/postgresql/$postgresql_version/postgresql-$postgresql_version.jar" \
    "$home/modules/org/postgresql/main"

if grep -q 'pool-name="ClavisDS"' "$home/standalone/configuration/standalone.xml"; then
    echo "standalone.xml already set up for Clavis"
else
    "$home/bin/jboss-cli.sh" --file="$here/wildfly.cli"
fi
