//! Table-driven probes, through the built-in rules, of property flags on command lines
//! (`cmdline::property_word`; issue 13 item 2, session 16): `-Dname=value` (java, Maven,
//! Gradle, sbt, the SonarScanner), `-D name=value`, Gradle's `-Pname=value`, the
//! SonarScanner for .NET's `/d:name=value`, and the settings that hold a JVM's options
//! (`JAVA_OPTS`, `MAVEN_OPTS`, `org.gradle.jvmargs`, systemd's `Environment=`), wherever
//! command lines are written: shell scripts, Dockerfile `RUN`/`CMD`, CI YAML `run:` and
//! `script:` lines, Jenkinsfile `sh '…'` and `sh """…"""` strings (a continued line of flags
//! among them), Makefiles, systemd units, Kubernetes `args:` lists.
//!
//! The property's name is its key, as a `.properties` line's (`sonar.login` names no
//! credential word; SonarQube's rule reads it under `sonar`), so the negatives are
//! properties whose value is a reference (`${SONAR_TOKEN}`, `$SONAR_TOKEN`, `%SONAR_TOKEN%`)
//! or whose name is no secret's (`file.encoding`, `sonar.projectKey`, `sonar.host.url`,
//! CMake's `-DCMAKE_BUILD_TYPE=`). A positive counts only when a finding of its rule
//! covers exactly the made-up secret. Values are built at run time, so the repository
//! holds none.

use super::probe_check::Rows;

/// A 40-hex stand-in for a SonarQube Cloud token.
fn sonar() -> String {
    ["7c41e9a0", "3bd58f26", "e1a70c94", "5df283b6", "a09e4c71"].concat()
}

/// A stand-in for a password typed into a command line.
fn password() -> String {
    ["Vq7#pLm2", "Xw9zRt4K"].concat()
}

fn fill(text: &str) -> String {
    text.replace("{SONAR}", &sonar())
        .replace("{PW}", &password())
}

fn check_all(class: &str, rows: Rows<'_>) {
    super::probe_check::check_rows(class, rows, &[sonar(), password()], fill);
}

#[rustfmt::skip]
const SONAR_FLAGS: Rows<'static> = (
    &[
        ("ci/sonar.sh", "mvn sonar:sonar -Dsonar.login={SONAR}\n", "sonarcloud-token"),
        ("ci/sonar.sh", "mvn -B verify sonar:sonar -Dsonar.host.url=https://sonarcloud.io -Dsonar.token={SONAR}\n", "sonarcloud-token"),
        ("Jenkinsfile", "stage('sonar') {\n  steps {\n    sh 'mvn clean package sonar:sonar -Dsonar.host.url=http://sonar.acme.internal/ -Dsonar.login={SONAR} -Dsonar.sources=.'\n  }\n}\n", "sonarcloud-token"),
        ("Jenkinsfile", "stage('sonar') {\n  steps {\n    sh \"\"\"\n      mvn sonar:sonar \\\n        -Dsonar.projectKey=app \\\n        -Dsonar.login={SONAR}\n    \"\"\"\n  }\n}\n", "sonarcloud-token"),
        ("Dockerfile", "FROM maven:3-eclipse-temurin-17\nRUN mvn -B verify sonar:sonar -Dsonar.login={SONAR}\n", "sonarcloud-token"),
        (".github/workflows/ci.yml", "jobs:\n  build:\n    steps:\n      - run: mvn -B sonar:sonar -Dsonar.token={SONAR}\n", "sonarcloud-token"),
        (".gitlab-ci.yml", "sonar:\n  script:\n    - mvn sonar:sonar -Dsonar.login=\"{SONAR}\"\n", "sonarcloud-token"),
        ("Makefile", "sonar:\n\tmvn sonar:sonar -Dsonar.login={SONAR}\n", "sonarcloud-token"),
        ("build.sh", "./gradlew sonar -Dsonar.token='{SONAR}'\n", "sonarcloud-token"),
        ("build.sh", "mvn sonar:sonar '-Dsonar.login={SONAR}'\n", "sonarcloud-token"),
        ("build.sh", "mvn -D sonar.login={SONAR} sonar:sonar\n", "sonarcloud-token"),
        (".github/workflows/dotnet.yml", "      - run: dotnet sonarscanner begin /k:\"app\" /d:sonar.token=\"{SONAR}\" /d:sonar.host.url=\"https://sonarcloud.io\"\n", "sonarcloud-token"),
        ("scripts/scan.py", "import subprocess\n\nsubprocess.run(\"mvn sonar:sonar -Dsonar.login={SONAR}\", shell=True)\n", "sonarcloud-token"),
    ],
    &[
        ("ci/sonar.sh", "mvn sonar:sonar -Dsonar.login=${SONAR_TOKEN}\n"),
        ("ci/sonar.sh", "mvn sonar:sonar -Dsonar.login=$SONAR_TOKEN\n"),
        ("ci/sonar.cmd", "mvn sonar:sonar -Dsonar.login=%SONAR_TOKEN%\n"),
        ("ci/sonar.sh", "mvn -Dfile.encoding=UTF-8 -Dsonar.projectKey=my-project -Dsonar.host.url=https://sonarcloud.io sonar:sonar\n"),
        ("ci/sonar.sh", "mvn sonar:sonar -Dsonar.projectKey={SONAR}\n"),
        ("Jenkinsfile", "sh \"mvn sonar:sonar -Dsonar.login=${env.SONAR_TOKEN}\"\n"),
        (".github/workflows/ci.yml", "      - run: mvn -B sonar:sonar -Dsonar.token=${{ secrets.SONAR_TOKEN }}\n"),
    ],
);

#[test]
fn sonar_properties_on_command_lines_are_sonar_tokens() {
    check_all("sonar property flags", SONAR_FLAGS);
}

#[rustfmt::skip]
const PASSWORD_FLAGS: Rows<'static> = (
    &[
        ("run.sh", "java -Djavax.net.ssl.keyStorePassword={PW} -jar app.jar\n", "generic-password"),
        ("bin/setenv.sh", "JAVA_OPTS=\"-Xmx1g -Dspring.datasource.password={PW}\"\n", "generic-password"),
        ("ci/env.sh", "export MAVEN_OPTS=\"-Dmaven.wagon.http.ssl.insecure=true -Drepo.password={PW}\"\n", "generic-password"),
        ("app.service", "[Service]\nEnvironment=\"JAVA_OPTS=-Dspring.datasource.password={PW}\"\n", "generic-password"),
        ("app.service", "[Service]\nEnvironment=JAVA_OPTS=-Dspring.datasource.password={PW}\n", "generic-password"),
        ("Dockerfile", "FROM eclipse-temurin:17\nCMD [\"java\", \"-Dspring.datasource.password={PW}\", \"-jar\", \"app.jar\"]\n", "generic-password"),
        ("k8s/deployment.yaml", "      containers:\n        - name: app\n          args:\n            - -Dspring.datasource.password={PW}\n", "generic-password"),
        ("k8s/deployment.yaml", "          args: [\"-Dspring.datasource.password={PW}\", \"-jar\", \"app.jar\"]\n", "generic-password"),
        ("gradle.properties", "org.gradle.jvmargs=-Xmx2g -Dnexus.password={PW}\n", "generic-password"),
        ("publish.sh", "./gradlew publish -PossrhPassword={PW}\n", "generic-password"),
        ("release.sh", "sbt -Dsonatype.password={PW} publishSigned\n", "generic-password"),
        ("Jenkinsfile", "steps {\n  sh \"mvn deploy -Drepo.password={PW}\"\n}\n", "generic-password"),
    ],
    &[
        ("run.sh", "java -Dspring.datasource.password=${DB_PASSWORD} -jar app.jar\n"),
        ("run.sh", "java -Djavax.net.ssl.keyStore=/etc/ssl/keystore.jks -Dspring.profiles.active=prod -jar app.jar\n"),
        ("publish.sh", "./gradlew publish -PossrhPassword=$OSSRH_PASSWORD\n"),
        ("build.sh", "cmake -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF ..\n"),
        ("app.service", "[Service]\nEnvironment=\"JAVA_OPTS=-Xmx512m -Dfile.encoding=UTF-8\"\n"),
        ("k8s/deployment.yaml", "          args:\n            - -Dspring.profiles.active=prod\n            - -Dserver.port=8080\n"),
    ],
);

#[test]
fn password_properties_on_command_lines_are_passwords() {
    check_all("password property flags", PASSWORD_FLAGS);
}
