//! Table-driven tests, through the built-in rules, of command lines, SQL, server and daemon
//! configs, infrastructure and CI files and credential files (issue 13, the fourth round of
//! forms nobody listed, written from the tools' manuals). Each positive names the rule that
//! must report the value; each negative must give no finding of any generic rule. Every
//! miss of a table is listed before the test fails, so a table reads as a probe too.

use super::tests_unlisted2::{reported, GENERIC};
use crate::rules::RuleSet;
use crate::scan::Scanner;

/// Checks every row of both tables and fails once, listing every row that went wrong.
fn check_all(positives: &[(&str, &str, &str)], negatives: &[(&str, &str)]) {
    check_all_with(positives, negatives, reported);
}

/// [`check_all`] with the table's own placeholder filling (`reported` gives the ids of the
/// rules that report the secret in a row's text at its path).
pub(super) fn check_all_with(
    positives: &[(&str, &str, &str)],
    negatives: &[(&str, &str)],
    reported: impl Fn(&Scanner, &str, &str) -> Vec<String>,
) {
    let scanner = Scanner::new(RuleSet::builtin().unwrap());
    let mut wrong = Vec::new();
    for (path, text, rule) in positives {
        let got = reported(&scanner, path, text);
        if !got.iter().any(|r| r == rule) {
            wrong.push(format!("MISS {path}: {text:?} wants {rule}; got {got:?}"));
        }
    }
    for (path, text) in negatives {
        let got = reported(&scanner, path, text);
        if got.iter().any(|r| GENERIC.contains(&r.as_str())) {
            wrong.push(format!("NOISE {path}: {text:?} got {got:?}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} rows wrong:\n{}",
        wrong.len(),
        positives.len() + negatives.len(),
        wrong.join("\n")
    );
}

#[test]
fn command_line_credentials() {
    check_all(
        &[
            ("deploy.sh", "curl -sS -uadmin:{V} https://api.acme.io/v1/x\n", "generic-password"),
            ("deploy.sh", "curl --user admin:{V} https://api.acme.io/v1/x\n", "generic-password"),
            ("mirror.sh", "lftp -u deploy,{V} sftp://files.acme.io -e 'mirror -R dist'\n", "generic-password"),
            ("backup.sh", "smbclient //fs01/backup -U backup%{V} -c 'put db.gz'\n", "generic-password"),
            ("backup.sh", "smbclient -U 'ACME\\backup%{V}' //fs01/backup\n", "generic-password"),
            ("setup.sh", "htpasswd -b /etc/nginx/.htpasswd admin {V}\n", "generic-password"),
            ("setup.sh", "htpasswd -bc .htpasswd admin '{V}'\n", "generic-password"),
            ("map.bat", "net use \\\\fs01\\share {V} /user:ACME\\svc_backup /persistent:no\n", "generic-password"),
            ("map.cmd", "net use Z: \\\\fs01\\share /user:svc {V}\n", "generic-password"),
            ("users.bat", "net user deploy {V} /add\n", "generic-password"),
            ("creds.bat", "cmdkey /generic:git.acme.io /user:bot /pass:{V}\n", "generic-password"),
            ("rdp.sh", "xfreerdp /v:10.0.0.5 /u:admin /p:{V} /cert:ignore\n", "generic-password"),
            ("task.bat", "schtasks /create /tn Sync /tr sync.exe /ru svc /rp {V} /sc daily\n", "generic-password"),
            ("svc.bat", "sc.exe config AcmeSvc obj= \".\\svc\" password= {V}\n", "generic-password"),
            ("remote.bat", "psexec \\\\web01 -u admin -p {V} cmd /c ipconfig\n", "generic-password"),
            ("wmi.bat", "wmic /node:web01 /user:admin /password:{V} os get caption\n", "generic-password"),
            ("db.sh", "mysql -uroot -p{V} shop < dump.sql\n", "generic-password"),
            ("db.sh", "mysqladmin -u root password '{V}'\n", "generic-password"),
            ("db.sh", "mongosh \"mongodb://db:27017\" --username app --password {V}\n", "generic-password"),
            ("db.sh", "redis-cli -h cache -a {V} ping\n", "generic-password"),
            ("db.sh", "sqlplus system/{V}@//db:1521/ORCL @init.sql\n", "generic-password"),
            ("db.sh", "expdp system/{V}@orcl schemas=app directory=dp dumpfile=app.dmp\n", "generic-password"),
            ("db.sh", "isql -U sa -P {V} -S db01\n", "generic-password"),
            ("ci.sh", "docker login -u bot -p {V} registry.acme.io\n", "generic-password"),
            ("ci.sh", "docker login --username bot --password {V} registry.acme.io\n", "generic-password"),
            ("ci.sh", "helm repo add acme https://charts.acme.io --username bot --password {V}\n", "generic-password"),
            ("ci.sh", "kubectl create secret generic db --from-literal=password={V}\n", "generic-password"),
            ("ci.sh", "az login --service-principal -u http://deploy -p {V} --tenant acme.onmicrosoft.com\n", "generic-password"),
            ("ci.sh", "aws configure set aws_secret_access_key {V}\n", "generic-secret"),
            ("ci.sh", "vault login -method=userpass username=ops password={V}\n", "generic-password"),
            ("ci.sh", "vault kv put secret/app api_key={V}\n", "generic-api-key"),
            ("ci.sh", "vault write auth/userpass/users/ops password={V} policies=admin\n", "generic-password"),
            ("certs.sh", "openssl pkcs12 -export -in c.pem -inkey k.pem -passout pass:{V} -out c.p12\n", "generic-password"),
            ("certs.sh", "openssl rsa -in key.pem -passin pass:{V} -out plain.pem\n", "generic-password"),
            ("pack.sh", "zip -P {V} -r out.zip dist\n", "generic-password"),
            ("pack.sh", "7z a -p{V} out.7z dist\n", "generic-password"),
            ("sync.sh", "RSYNC_PASSWORD={V} rsync -av dist/ rsync://bot@mirror.acme.io/www\n", "generic-password"),
            ("fetch.sh", "wget --http-user=bot --http-password={V} https://files.acme.io/a.tgz\n", "generic-password"),
            ("fetch.sh", "wget --user bot --password {V} ftp://files.acme.io/a.tgz\n", "generic-password"),
            ("fetch.sh", "git clone https://bot:{V}@git.acme.io/app.git\n", "url-basic-auth"),
            ("fetch.sh", "pip install --index-url https://bot:{V}@pypi.acme.io/simple app\n", "url-basic-auth"),
            ("ci.sh", "npm config set //npm.acme.io/:_authToken {V}\n", "generic-token"),
            ("ftp.sh", "ncftpput -u deploy -p {V} ftp.acme.io /www dist/*\n", "generic-password"),
            ("snmp.sh", "snmpwalk -v3 -l authPriv -u mon -a SHA -A {V} -x AES -X {V} sw01\n", "generic-password"),
            ("bmc.sh", "ipmitool -I lanplus -H bmc01 -U admin -P {V} chassis status\n", "generic-password"),
            ("mqtt.sh", "mosquitto_pub -h broker -u sensor -P {V} -t t -m 1\n", "generic-password"),
            ("users.sh", "echo 'deploy:{V}' | chpasswd\n", "generic-password"),
            ("mq.sh", "rabbitmqctl add_user admin {V}\n", "generic-password"),
            ("mq.sh", "rabbitmqctl change_password admin {V}\n", "generic-password"),
            ("minio.sh", "mc alias set acme https://s3.acme.io AKIDEXAMPLE {V}\n", "generic-secret"),
            ("mount.sh", "mount -t cifs //fs01/share /mnt -o username=svc,password={V},vers=3.0\n", "generic-password"),
            ("fstab", "//fs01/share /mnt/share cifs username=svc,password={V},uid=1000 0 0\n", "generic-password"),
            ("secrets.sh", "az keyvault secret set --vault-name kv --name db-password --value {V}\n", "generic-password"),
            ("secrets.sh", "aws ssm put-parameter --name /prod/api_key --value {V} --type SecureString\n", "generic-api-key"),
            ("secrets.sh", "gh secret set API_TOKEN --body {V}\n", "generic-token"),
            ("secrets.sh", "gh secret set API_TOKEN -b {V} --repo acme/app\n", "generic-token"),
            ("build.sh", "java -Djavax.net.ssl.keyStorePassword={V} -jar app.jar\n", "generic-password"),
            ("build.sh", "dotnet nuget add source https://nuget.acme.io/v3/index.json -n acme -u bot -p {V} --store-password-in-clear-text\n", "generic-password"),
            ("build.sh", "ansible-playbook site.yml --extra-vars \"ansible_become_pass={V}\"\n", "generic-password"),
            ("speckle.sh", "gh secret set SPECKLE_TOKEN --body {S}\n", "speckle-token"),
            ("speckle.sh", "curl -H \"Authorization: Bearer {S}\" https://app.speckle.systems/graphql\n", "speckle-token"),
            ("spell.sh", "spell login --token {V}{V}\n", "spell-token"),
        ],
        &[
            ("deploy.sh", "curl -u \"$API_USER:$API_PASS\" https://api.acme.io/v1/x\n"),
            ("deploy.sh", "curl -uadmin:${ADMIN_PASSWORD} https://api.acme.io/v1/x\n"),
            ("mirror.sh", "lftp -u \"$FTP_USER,$FTP_PASS\" sftp://files.acme.io\n"),
            ("backup.sh", "smbclient //fs01/backup -U \"backup%$SMB_PASSWORD\"\n"),
            ("setup.sh", "htpasswd -b /etc/nginx/.htpasswd admin \"$ADMIN_PASSWORD\"\n"),
            ("setup.sh", "htpasswd -c /etc/nginx/.htpasswd admin\n"),
            ("map.bat", "net use \\\\fs01\\share %SHARE_PASSWORD% /user:ACME\\svc\n"),
            ("map.bat", "net use \\\\fs01\\share * /user:ACME\\svc\n"),
            ("users.bat", "net user deploy * /add\n"),
            ("db.sh", "sqlplus system/${ORACLE_PASSWORD}@//db:1521/ORCL\n"),
            ("db.sh", "sqlplus /nolog @init.sql\n"),
            ("ci.sh", "docker login -u bot -p \"${{ secrets.REGISTRY_PASSWORD }}\" registry.acme.io\n"),
            ("ci.sh", "vault login -method=userpass username=ops password=$VAULT_PW\n"),
            ("certs.sh", "openssl rsa -in key.pem -passin env:KEY_PASS -out plain.pem\n"),
            ("certs.sh", "openssl rsa -in key.pem -passin file:/run/secrets/key_pass -out p.pem\n"),
            ("certs.sh", "openssl rsa -in key.pem -passin pass:<password> -out p.pem\n"),
            ("users.sh", "echo \"deploy:$DEPLOY_PASSWORD\" | chpasswd\n"),
            ("mq.sh", "rabbitmqctl add_user admin \"$RABBIT_PASSWORD\"\n"),
            ("mq.sh", "rabbitmqctl list_users\n"),
            ("mount.sh", "mount -t cifs //fs01/share /mnt -o credentials=/etc/smb-cred,vers=3.0\n"),
            ("secrets.sh", "az keyvault secret set --vault-name kv --name db-password --value \"$DB_PASSWORD\"\n"),
            ("secrets.sh", "aws ssm put-parameter --name /prod/api_key --value file://key.txt --type SecureString\n"),
            ("secrets.sh", "gh secret set API_TOKEN --body \"$API_TOKEN\"\n"),
            ("secrets.sh", "gh secret set API_TOKEN < token.txt\n"),
            ("bmc.sh", "ipmitool -I lanplus -H bmc01 -U admin -P changeme chassis status\n"),
            ("ci.sh", "curl -s https://api.acme.io/v1/charges -u $STRIPE_KEY:\n"),
            ("rdp.sh", "xfreerdp /v:10.0.0.5 /u:admin /p:%RDP_PASSWORD%\n"),
            ("creds.bat", "cmdkey /generic:git.acme.io /user:bot /pass\n"),
        ],
    );
}

#[test]
fn sql_values_named_by_a_column_or_row() {
    check_all(
        &[
            ("seed.sql", "UPDATE settings SET value='{V}' WHERE name='api_key';\n", "generic-api-key"),
            ("seed.sql", "UPDATE settings SET value = '{V}' WHERE key = 'smtp_password';\n", "generic-password"),
            ("seed.sql", "INSERT INTO config (key, value) VALUES ('api_key', '{V}');\n", "generic-api-key"),
            ("seed.sql", "INSERT INTO settings (name, value) VALUES\n  ('site_name', 'Acme'),\n  ('smtp_password', '{V}');\n", "generic-password"),
            ("seed.sql", "INSERT INTO settings VALUES ('stripe_secret', '{V}');\n", "generic-secret"),
            ("seed.sql", "UPDATE users SET password = '{V}' WHERE id = 1;\n", "generic-password"),
            ("seed.sql", "CREATE LOGIN app WITH PASSWORD = '{V}';\n", "generic-password"),
            ("seed.sql", "SET PASSWORD FOR 'app'@'%' = '{V}';\n", "generic-password"),
            ("seed.sql", "DECLARE @api_token NVARCHAR(64) = '{V}';\n", "generic-token"),
            ("seed.sql", "EXEC sp_addlogin 'app', '{V}';\n", "generic-password"),
            ("seed.sql", "CREATE USER MAPPING FOR app SERVER remote OPTIONS (user 'app', password '{V}');\n", "generic-password"),
            ("seed.sql", "UPDATE settings SET value='{S}' WHERE name='speckle_token';\n", "speckle-token"),
        ],
        &[
            ("seed.sql", "UPDATE settings SET value='{V}' WHERE name='site_title';\n"),
            ("seed.sql", "UPDATE settings SET value=:value WHERE name='api_key';\n"),
            ("seed.sql", "INSERT INTO config (key, value) VALUES ('api_key', '');\n"),
            ("seed.sql", "INSERT INTO config (key, value) VALUES ('api_key', NULL);\n"),
            ("seed.sql", "INSERT INTO config (key, value) VALUES ('api_key', ?);\n"),
            ("seed.sql", "INSERT INTO config (key, value) VALUES ('cache_dir', '{V}');\n"),
            ("seed.sql", "CREATE LOGIN app WITH PASSWORD = '$(APP_PASSWORD)';\n"),
        ],
    );
}

#[test]
fn server_and_daemon_configs() {
    check_all(
        &[
            ("nginx.conf", "location / {\n  proxy_set_header Authorization \"Bearer {V}\";\n}\n", "generic-token"),
            ("nginx.conf", "  proxy_set_header X-Api-Key {V};\n", "generic-api-key"),
            ("httpd.conf", "RequestHeader set X-Api-Key \"{V}\"\n", "generic-api-key"),
            ("httpd.conf", "RequestHeader set Authorization \"Bearer {V}\"\n", "generic-token"),
            ("httpd.conf", "RequestHeader set X-Api-Key {V}\n", "generic-api-key"),
            ("httpd.conf", "AuthLDAPBindPassword {V}\n", "generic-password"),
            ("haproxy.cfg", "backend api\n  http-request set-header Authorization \"Bearer {V}\"\n", "generic-token"),
            ("haproxy.cfg", "backend api\n  http-request set-header X-Api-Key {V}\n", "generic-api-key"),
            ("haproxy.cfg", "userlist admins\n  user admin insecure-password {V}\n", "generic-password"),
            ("app.service", "[Service]\nEnvironment=API_TOKEN={V}\n", "generic-token"),
            ("app.service", "[Service]\nEnvironment=\"API_TOKEN={V}\" \"LOG=1\"\n", "generic-token"),
            ("supervisord.conf", "[program:app]\nenvironment=API_TOKEN=\"{V}\",LOG=\"1\"\n", "generic-token"),
            ("crontab", "0 3 * * * API_TOKEN={V} /usr/local/bin/sync\n", "generic-token"),
            ("redis.conf", "requirepass {V}\nmasterauth {V}\n", "generic-password"),
            ("mosquitto.conf", "connection bridge\nremote_username bridge\nremote_password {V}\n", "generic-password"),
            ("rabbitmq.conf", "default_user = admin\ndefault_pass = {V}\n", "generic-password"),
            ("kibana.yml", "elasticsearch.username: kibana_system\nelasticsearch.password: {V}\n", "generic-password"),
            ("grafana.ini", "[security]\nadmin_user = admin\nadmin_password = {V}\n", "generic-password"),
            ("prometheus.yml", "  - job_name: app\n    basic_auth:\n      username: prom\n      password: {V}\n", "generic-password"),
            ("prometheus.yml", "  - job_name: app\n    authorization:\n      credentials: {V}\n", "generic-token"),
            ("fluent-bit.conf", "[OUTPUT]\n    Name es\n    HTTP_User elastic\n    HTTP_Passwd {V}\n", "generic-password"),
            ("fluent.conf", "<match app.**>\n  @type elasticsearch\n  user elastic\n  password {V}\n</match>\n", "generic-password"),
            ("telegraf.conf", "[[outputs.influxdb_v2]]\n  token = \"{V}\"\n", "generic-token"),
            ("logstash.conf", "output {\n  elasticsearch {\n    user => \"elastic\"\n    password => \"{V}\"\n  }\n}\n", "generic-password"),
            ("php-fpm.conf", "env[API_TOKEN] = {V}\n", "generic-token"),
            ("tomcat-users.xml", "<user username=\"admin\" password=\"{V}\" roles=\"manager-gui\"/>\n", "generic-password"),
            ("pgbouncer.ini", "[databases]\napp = host=db dbname=app user=app password={V}\n", "generic-password"),
            ("wpa_supplicant.conf", "network={\n  ssid=\"office\"\n  psk=\"{V}\"\n}\n", "generic-password"),
        ],
        &[
            ("nginx.conf", "  proxy_set_header Authorization $http_authorization;\n"),
            ("httpd.conf", "RequestHeader set X-Api-Key \"%{API_KEY}e\"\n"),
            ("httpd.conf", "RequestHeader unset Authorization\n"),
            ("haproxy.cfg", "  http-request set-header X-Api-Key %[env(API_KEY)]\n"),
            ("app.service", "[Service]\nEnvironmentFile=/etc/app/secrets.env\n"),
            ("redis.conf", "# requirepass foobared\n"),
            ("rabbitmq.conf", "default_pass = guest\n"),
            ("grafana.ini", "[security]\nadmin_password = $__env{GF_ADMIN_PASSWORD}\n"),
            ("logstash.conf", "    password => \"${ES_PASSWORD}\"\n"),
            ("userlist.txt", "\"app\" \"\"\n"),
            ("php-fpm.conf", "env[API_TOKEN] = $API_TOKEN\n"),
        ],
    );
}

#[test]
fn infrastructure_and_ci_files() {
    check_all(
        &[
            ("k8s/secret.yaml", "apiVersion: v1\nkind: Secret\nstringData:\n  password: {V}\n", "kubernetes-secret-value"),
            ("k8s/deploy.yaml", "        env:\n          - name: API_TOKEN\n            value: \"{V}\"\n", "generic-token"),
            ("values.yaml", "postgresql:\n  auth:\n    password: {V}\n", "generic-password"),
            ("docker-compose.yml", "services:\n  app:\n    environment:\n      - API_TOKEN={V}\n", "generic-token"),
            ("docker-compose.yml", "services:\n  app:\n    environment:\n      API_TOKEN: {V}\n", "generic-token"),
            ("group_vars/all.yml", "ansible_become_pass: {V}\n", "generic-password"),
            ("group_vars/all.yml", "ansible_ssh_pass: {V}\n", "generic-password"),
            ("main.tf", "provider \"postgresql\" {\n  host     = \"db\"\n  password = \"{V}\"\n}\n", "generic-password"),
            ("prod.tfvars", "db_password = \"{V}\"\n", "generic-password"),
            ("packer.pkr.hcl", "source \"vsphere-iso\" \"x\" {\n  ssh_password = \"{V}\"\n}\n", "generic-password"),
            ("Vagrantfile", "config.ssh.password = \"{V}\"\n", "generic-password"),
            ("job.nomad", "      env {\n        API_TOKEN = \"{V}\"\n      }\n", "generic-token"),
            ("serverless.yml", "provider:\n  environment:\n    API_KEY: {V}\n", "generic-api-key"),
            ("manifest.yml", "applications:\n- name: app\n  env:\n    API_TOKEN: {V}\n", "generic-token"),
            ("Procfile", "web: API_TOKEN={V} gunicorn app:app\n", "generic-token"),
            ("app.json", "{\n  \"env\": {\n    \"API_TOKEN\": {\n      \"value\": \"{V}\"\n    }\n  }\n}\n", "generic-token"),
            (".github/workflows/ci.yml", "    env:\n      API_TOKEN: {V}\n", "generic-token"),
            (".github/workflows/ci.yml", "      - uses: docker/login-action@v3\n        with:\n          username: bot\n          password: {V}\n", "generic-password"),
            (".gitlab-ci.yml", "variables:\n  API_TOKEN: {V}\n", "generic-token"),
            (".gitlab-ci.yml", "deploy:\n  script:\n    - curl -uadmin:{V} https://api.acme.io\n", "generic-password"),
            (".circleci/config.yml", "    environment:\n      API_TOKEN: {V}\n", "generic-token"),
            ("Jenkinsfile", "pipeline {\n  environment {\n    API_TOKEN = '{V}'\n  }\n}\n", "generic-token"),
            ("Jenkinsfile", "sh \"curl -uadmin:{V} https://api.acme.io\"\n", "generic-password"),
            ("azure-pipelines.yml", "variables:\n- name: apiToken\n  value: {V}\n", "generic-token"),
            ("bitbucket-pipelines.yml", "      - pipe: atlassian/scp-deploy:1.2.1\n        variables:\n          PASSWORD: {V}\n", "generic-password"),
            (".travis.yml", "env:\n  global:\n    - API_TOKEN={V}\n", "generic-token"),
            (".drone.yml", "    settings:\n      password: {V}\n", "generic-password"),
            (".buildkite/pipeline.yml", "    env:\n      API_TOKEN: {V}\n", "generic-token"),
            ("tekton.yaml", "      env:\n        - name: API_TOKEN\n          value: {V}\n", "generic-token"),
            ("workflow.yaml", "    container:\n      args: [\"--token\", \"{V}\"]\n", "generic-token"),
            ("k8s/secret.yaml", "stringData:\n  SPECKLE_TOKEN: {S}\n", "speckle-token"),
        ],
        &[
            ("docker-compose.yml", "    environment:\n      - API_TOKEN=${API_TOKEN}\n"),
            (".github/workflows/ci.yml", "    env:\n      API_TOKEN: ${{ secrets.API_TOKEN }}\n"),
            ("Jenkinsfile", "    API_TOKEN = credentials('api-token')\n"),
            ("group_vars/all.yml", "ansible_become_pass: \"{{ vault_become_pass }}\"\n"),
            ("main.tf", "  password = var.db_password\n"),
            ("values.yaml", "  auth:\n    password: <password>\n"),
            ("app.json", "{\"env\": {\"API_TOKEN\": {\"description\": \"The API token\", \"required\": true}}}\n"),
        ],
    );
}

#[test]
fn credential_files() {
    check_all(
        &[
            (".netrc", "machine api.acme.io login bot password {V}\n", "netrc-credentials"),
            (".pgpass", "db.acme.io:5432:app:app:{V}\n", "generic-password"),
            (".my.cnf", "[client]\nuser=root\npassword={V}\n", "generic-password"),
            (".pypirc", "[pypi]\nusername = __token__\npassword = {V}\n", "generic-password"),
            (".gem/credentials", "---\n:rubygems_api_key: {V}\n", "generic-api-key"),
            ("rclone.conf", "[remote]\ntype = webdav\nuser = bot\npass = {V}\n", "generic-password"),
            (".s3cfg", "[default]\naccess_key = AKIDEXAMPLE\nsecret_key = {V}\n", "generic-secret"),
            (".boto", "[Credentials]\naws_secret_access_key = {V}\n", "generic-secret"),
            ("NuGet.Config", "<packageSourceCredentials>\n  <acme>\n    <add key=\"Username\" value=\"bot\" />\n    <add key=\"ClearTextPassword\" value=\"{V}\" />\n  </acme>\n</packageSourceCredentials>\n", "generic-password"),
            ("settings.xml", "<server>\n  <id>acme</id>\n  <username>bot</username>\n  <password>{V}</password>\n</server>\n", "generic-password"),
            ("gradle.properties", "nexusPassword={V}\n", "generic-password"),
            ("auth.json", "{\"http-basic\": {\"repo.acme.io\": {\"username\": \"bot\", \"password\": \"{V}\"}}}\n", "generic-password"),
            (".git-credentials", "https://bot:{V}@git.acme.io\n", "url-basic-auth"),
            ("smb-credentials", "username=svc\npassword={V}\ndomain=ACME\n", "generic-password"),
        ],
        &[
            (".pgpass", "db.acme.io:5432:app:app:*\n"),
            (".my.cnf", "[client]\npassword\n"),
            ("rclone.conf", "[remote]\npass = \n"),
            ("settings.xml", "<password>${env.NEXUS_PASSWORD}</password>\n"),
        ],
    );
}

#[test]
fn more_command_lines() {
    check_all(
        &[
            (
                "db.sh",
                "mysql -h db -u root -p'{V}' shop\n",
                "generic-password",
            ),
            (
                "ssh.sh",
                "sshpass -p'{V}' ssh deploy@web01\n",
                "generic-password",
            ),
            (
                "deploy.sh",
                "helm upgrade app ./chart --set postgresql.auth.password={V}\n",
                "generic-password",
            ),
            (
                "deploy.sh",
                "terraform apply -var 'db_password={V}'\n",
                "generic-password",
            ),
            (
                "deploy.sh",
                "gcloud sql users set-password root --host=% --instance=db --password={V}\n",
                "generic-password",
            ),
            (
                "crypt.sh",
                "openssl enc -aes-256-cbc -salt -k {V} -in a -out a.enc\n",
                "generic-password",
            ),
            (
                "keys.sh",
                "ssh-keygen -t ed25519 -N '{V}' -f deploy_key\n",
                "generic-password",
            ),
            ("pack.sh", "unzip -P {V} bundle.zip\n", "generic-password"),
            ("pack.sh", "rar a -p{V} out.rar dist\n", "generic-password"),
            (
                "sync.sh",
                "rclone copy dist remote: --webdav-pass {V}\n",
                "generic-password",
            ),
            (
                "publish.sh",
                "twine upload -u __token__ -p {V} dist/*\n",
                "generic-password",
            ),
            (
                "publish.sh",
                "poetry config http-basic.acme bot {V}\n",
                "generic-password",
            ),
            (
                "publish.sh",
                "poetry config pypi-token.pypi {V}\n",
                "generic-token",
            ),
            (
                "publish.sh",
                "bundle config set --global gems.acme.io bot:{V}\n",
                "generic-password",
            ),
            ("publish.sh", "npx vsce publish -p {V}\n", "generic-token"),
            (
                "publish.sh",
                "dotnet nuget push app.nupkg -k {V} -s https://nuget.acme.io/v3/index.json\n",
                "generic-api-key",
            ),
            (
                "publish.sh",
                "choco apikey -k {V} -s https://push.chocolatey.org/\n",
                "generic-api-key",
            ),
            ("ci.sh", "codecov -t {V}\n", "generic-token"),
            (
                "build.bat",
                "msbuild app.sln /p:DeployOnBuild=true /p:Password={V}\n",
                "generic-password",
            ),
            (
                "build.sh",
                "dotnet publish -c Release -p:DeployPassword={V}\n",
                "generic-password",
            ),
            (
                "api.sh",
                "http POST api.acme.io/login username=bob password={V}\n",
                "generic-password",
            ),
            (
                "api.sh",
                "http GET api.acme.io/v1/me X-Api-Key:{V}\n",
                "generic-api-key",
            ),
            (
                "cache.sh",
                "redis-cli -h cache SET api_token {V}\n",
                "generic-token",
            ),
            (
                "crontab",
                "*/5 * * * * curl -fsS -uadmin:{V} https://api.acme.io/ping\n",
                "generic-password",
            ),
            (
                "app.service",
                "[Service]\nExecStart=/usr/bin/sqlplus -s app/{V}@//db:1521/ORCL @job.sql\n",
                "generic-password",
            ),
            (
                "rdp.sh",
                "rdesktop -u admin -p {V} 10.0.0.5\n",
                "generic-password",
            ),
            (
                "db.sh",
                "influx write -b metrics -o acme -t {V} 'cpu v=1'\n",
                "generic-token",
            ),
            ("deploy.sh", "cargo login {V}\n", "generic-token"),
            ("env.bat", "set \"API_TOKEN={V}\"\n", "generic-token"),
        ],
        &[
            ("db.sh", "mysql -h db -u root -p shop\n"),
            ("db.sh", "mysql -h db -u root -p\"$MYSQL_PWD\" shop\n"),
            (
                "deploy.sh",
                "helm upgrade app ./chart --set postgresql.auth.password=$DB_PASSWORD\n",
            ),
            ("keys.sh", "ssh-keygen -t ed25519 -N '' -f deploy_key\n"),
            (
                "publish.sh",
                "twine upload -u __token__ -p \"$PYPI_TOKEN\" dist/*\n",
            ),
            (
                "publish.sh",
                "poetry config http-basic.acme bot \"$ACME_PASSWORD\"\n",
            ),
            (
                "build.bat",
                "msbuild app.sln /p:Configuration=Release /p:Platform=x64\n",
            ),
            (
                "api.sh",
                "http POST api.acme.io/login username=bob password=$PW\n",
            ),
            (
                "crontab",
                "*/5 * * * * /usr/local/bin/rotate --config /etc/rotate.conf\n",
            ),
            ("deploy.sh", "cargo login\n"),
            ("sql.sh", "sqlplus / as sysdba @init.sql\n"),
            ("sql.sh", "sqlplus -s /nolog @init.sql\n"),
            ("rsync.sh", "rsync -av /srv/www/ backup/www/\n"),
        ],
    );
}

#[test]
fn more_configs_and_files() {
    check_all(
        &[
            ("keepalived.conf", "vrrp_instance VI_1 {\n  authentication {\n    auth_type PASS\n    auth_pass {V}\n  }\n}\n", "generic-password"),
            ("haproxy.cfg", "listen stats\n  bind :8404\n  stats auth admin:{V}\n", "generic-password"),
            ("squid.conf", "cache_peer parent.acme.io parent 3128 0 no-query login=proxy:{V}\n", "generic-password"),
            ("httpd.conf", "DBDParams \"host=db dbname=app user=app password={V}\"\n", "generic-password"),
            ("postgresql.auto.conf", "primary_conninfo = 'host=db1 port=5432 user=replicator password={V}'\n", "generic-password"),
            ("replica.sql", "CHANGE MASTER TO MASTER_HOST='db1', MASTER_USER='repl', MASTER_PASSWORD='{V}';\n", "generic-password"),
            ("users.acl", "user app on >{V} ~app:* +@read\n", "generic-password"),
            ("redis.sh", "redis-cli ACL SETUSER app on >{V} ~* +@all\n", "generic-password"),
            ("server.properties", "listener.name.sasl_plaintext.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\"{V}\";\n", "generic-password"),
            ("telegraf.conf", "[[inputs.mysql]]\n  servers = [\"monitor:{V}@tcp(127.0.0.1:3306)/\"]\n", "generic-password"),
            ("inventory.ini", "[web]\nweb1 ansible_host=10.0.0.5 ansible_user=deploy ansible_password={V}\n", "generic-password"),
            ("inventory.ini", "[all:vars]\nansible_become_pass={V}\n", "generic-password"),
            ("kustomization.yaml", "secretGenerator:\n- name: db\n  literals:\n  - password={V}\n", "generic-password"),
            ("docker-compose.yml", "services:\n  cache:\n    command: redis-server --requirepass {V}\n", "generic-password"),
            ("docker-compose.yml", "    healthcheck:\n      test: [\"CMD\", \"mysqladmin\", \"ping\", \"-h\", \"localhost\", \"-p{V}\"]\n", "generic-password"),
            ("k8s/deploy.yaml", "          command: [\"sh\", \"-c\", \"redis-cli -a {V} ping\"]\n", "generic-password"),
            (".github/workflows/ci.yml", "      - run: docker login -u bot -p {V} ghcr.io\n", "generic-password"),
            ("Jenkinsfile", "environment {\n    DB_PASS = '{V}'\n}\n", "generic-password"),
            (".gitconfig", "[http \"https://git.acme.io\"]\n\textraheader = AUTHORIZATION: bearer {V}\n", "generic-token"),
            ("dump.sql", "COPY public.settings (name, value) FROM stdin;\nsite_name\tAcme\nsmtp_password\t{V}\n\\.\n", "generic-password"),
            ("Pulumi.prod.yaml", "config:\n  app:dbPassword: {V}\n", "generic-password"),
        ],
        &[
            ("keepalived.conf", "    auth_type PASS\n"),
            ("haproxy.cfg", "  stats auth admin:${STATS_PASSWORD}\n"),
            ("users.acl", "user default on nopass ~* +@all\n"),
            ("users.acl", "user app on #9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 ~* +@all\n"),
            ("inventory.ini", "web1 ansible_host=10.0.0.5 ansible_password=\"{{ vault_web_pass }}\"\n"),
            ("kustomization.yaml", "  literals:\n  - password=$(DB_PASSWORD)\n"),
            ("Pulumi.prod.yaml", "config:\n  app:dbPassword:\n    secure: v1:abc:def\n"),
            ("dump.sql", "COPY public.settings (name, value) FROM stdin;\nsmtp_password\t\\N\n"),
        ],
    );
}

#[test]
fn wrapped_tools_and_stored_secrets() {
    check_all(
        &[
            (
                "ops.sh",
                "docker exec -it web htpasswd -b /etc/nginx/.htpasswd admin {V}\n",
                "generic-password",
            ),
            (
                "ops.sh",
                "kubectl exec -it cass-0 -- cqlsh -u cassandra -p {V}\n",
                "generic-password",
            ),
            (
                "Dockerfile",
                "RUN htpasswd -bc /etc/nginx/.htpasswd admin {V}\n",
                "generic-password",
            ),
            (
                "Dockerfile",
                "RUN echo 'root:{V}' | chpasswd\n",
                "generic-password",
            ),
            (
                "Makefile",
                "deploy:\n\t@curl -fsS -uadmin:{V} https://api.acme.io/deploy\n",
                "generic-password",
            ),
            (
                "ops.sh",
                "nodetool -u admin -pw {V} status\n",
                "generic-password",
            ),
            (
                "ops.sh",
                "rabbitmqadmin -u admin -p {V} list queues\n",
                "generic-password",
            ),
            (
                "ops.sh",
                "mongo admin -u root -p {V} --eval 'db.stats()'\n",
                "generic-password",
            ),
            (
                "ops.bat",
                "plink -ssh deploy@web01 -pw {V} uptime\n",
                "generic-password",
            ),
            (
                "mac.sh",
                "security add-generic-password -a bot -s acme -w {V}\n",
                "generic-password",
            ),
            (
                "ops.sh",
                "ibmcloud login -u bot@acme.io -p {V}\n",
                "generic-password",
            ),
            (
                "ops.sh",
                "etcdctl --user root:{V} get /config\n",
                "generic-password",
            ),
            (
                "ops.sh",
                "skopeo copy docker://a/b docker://registry.acme.io/b --dest-creds bot:{V}\n",
                "generic-password",
            ),
            (
                "pentest.md",
                "    psexec.py acme/admin:{V}@10.0.0.5\n",
                "generic-password",
            ),
            (
                "pentest.md",
                "    impacket-secretsdump acme.local/admin:{V}@dc01\n",
                "generic-password",
            ),
            (
                "pentest.md",
                "    evil-winrm -i 10.0.0.5 -u admin -p {V}\n",
                "generic-password",
            ),
            (
                "ops.sh",
                "openssl passwd -6 -salt abc {V}\n",
                "generic-password",
            ),
            ("ops.sh", "cf auth deploy@acme.io {V}\n", "generic-password"),
            ("ops.sh", "doctl auth init -t {V}\n", "generic-token"),
            ("ops.sh", "vault login {V}\n", "generic-token"),
            (
                "ops.sh",
                "consul acl set-agent-token default {V}\n",
                "generic-token",
            ),
            (
                "ops.sh",
                "composer config --global http-basic.repo.acme.io bot {V}\n",
                "generic-password",
            ),
            (
                "ops.sh",
                "composer config -g github-oauth.github.com {V}\n",
                "generic-token",
            ),
            (
                "ops.sh",
                "echo -n '{V}' | wrangler secret put API_TOKEN\n",
                "generic-token",
            ),
            (
                "ops.sh",
                "printf '%s' '{V}' | gcloud secrets versions add db-password --data-file=-\n",
                "generic-password",
            ),
            (
                "ops.sh",
                "echo '{V}' | docker secret create db_password -\n",
                "generic-password",
            ),
            (
                "ops.sh",
                "pulumi config set --secret dbPassword {V}\n",
                "generic-password",
            ),
            (
                "ops.sh",
                "echo '{S}' | gh secret set SPECKLE_TOKEN\n",
                "speckle-token",
            ),
        ],
        &[
            (
                "ops.sh",
                "docker exec -it web htpasswd -c /etc/nginx/.htpasswd admin\n",
            ),
            (
                "ops.sh",
                "kubectl exec -it cass-0 -- cqlsh -u cassandra -p \"$CASS_PW\"\n",
            ),
            (
                "Dockerfile",
                "RUN echo \"root:${ROOT_PASSWORD}\" | chpasswd\n",
            ),
            ("ops.sh", "openssl passwd -6 -salt abc\n"),
            ("ops.sh", "vault login -method=github token=$GH_TOKEN\n"),
            ("ops.sh", "vault login\n"),
            (
                "ops.sh",
                "echo \"$API_TOKEN\" | wrangler secret put API_TOKEN\n",
            ),
            ("ops.sh", "wrangler secret put API_TOKEN\n"),
            ("ops.sh", "pulumi config set --secret dbPassword\n"),
            (
                "pentest.md",
                "    psexec.py acme/admin@10.0.0.5 -hashes :{V}\n",
            ),
            ("ops.sh", "git commit -m 'cf auth docs'\n"),
            ("ops.sh", "net start AcmeSvc\n"),
        ],
    );
}

#[test]
fn system_configs_and_answer_files() {
    check_all(
        &[
            ("docker-compose.yml", "    command: [\"redis-server\", \"--requirepass\", \"{V}\"]\n", "generic-password"),
            ("playbook.yml", "    - mysql_user: name=app password={V} priv=*.*:ALL state=present\n", "generic-password"),
            ("pillar/db.sls", "mysql.pass: {V}\n", "generic-password"),
            ("manifests/db.pp", "mysql::db { 'app':\n  user     => 'app',\n  password => '{V}',\n}\n", "generic-password"),
            ("Dockerfile", "RUN curl -u admin:{V} https://repo.acme.io/a.tgz | tar xz\n", "generic-password"),
            ("setup.bat", "SET \"DB_PASS={V}\"\n", "generic-password"),
            ("autounattend.xml", "<AdministratorPassword>\n  <Value>{V}</Value>\n  <PlainText>true</PlainText>\n</AdministratorPassword>\n", "generic-password"),
            ("ks.cfg", "rootpw --plaintext {V}\n", "generic-password"),
            ("ks.cfg", "user --name=deploy --password={V} --plaintext\n", "generic-password"),
            ("preseed.cfg", "d-i passwd/root-password password {V}\n", "generic-password"),
            (".fetchmailrc", "poll mail.acme.io protocol imap user \"bob\" password \"{V}\"\n", "generic-password"),
            (".muttrc", "set smtp_pass = \"{V}\"\n", "generic-password"),
            (".offlineimaprc", "[Repository remote]\nremotepass = {V}\n", "generic-password"),
            ("ipsec.secrets", ": PSK \"{V}\"\n", "generic-password"),
            ("ipsec.secrets", "bob : EAP \"{V}\"\n", "generic-password"),
            ("ldap.conf", "binddn cn=reader,dc=acme,dc=io\nbindpw {V}\n", "generic-password"),
            ("slapd.conf", "rootdn \"cn=admin,dc=acme,dc=io\"\nrootpw {V}\n", "generic-password"),
            ("sssd.conf", "[domain/acme]\nldap_default_authtok = {V}\n", "generic-password"),
            ("msmtprc", "account acme\nhost smtp.acme.io\nuser bot\npassword {V}\n", "generic-password"),
            ("expect.sh", "expect -c 'spawn ssh deploy@web01; expect \"*assword:\"; send \"{V}\\r\"; interact'\n", "generic-password"),
        ],
        &[
            ("ks.cfg", "rootpw --iscrypted $6$abc$def\n"),
            ("ks.cfg", "rootpw --lock\n"),
            ("preseed.cfg", "d-i passwd/root-password-crypted password $6$abc$def\n"),
            ("ldap.conf", "bindpw $BIND_PW\n"),
            ("ipsec.secrets", ": RSA server.key\n"),
        ],
    );
}

#[test]
fn ci_forms_and_encrypted_or_referenced_values() {
    check_all(
        &[
            ("Jenkinsfile", "sh 'sshpass -p {V} scp dist.tgz deploy@web01:/srv'\n", "generic-password"),
            (".gitlab-ci.yml", "deploy:\n  script:\n    - sshpass -p \"{V}\" ssh deploy@web01 ./deploy.sh\n", "generic-password"),
            ("concourse.yml", "resources:\n- name: image\n  source:\n    username: bot\n    password: {V}\n", "generic-password"),
            (".github/workflows/ci.yml", "      - run: echo '{S}' | gh secret set SPECKLE_TOKEN --repo acme/app\n", "speckle-token"),
            (".github/workflows/ci.yml", "      - run: curl -H \"Authorization: Bearer {S}\" https://speckle.acme-design.com/graphql\n", "speckle-token"),
            (".gitlab-ci.yml", "variables:\n  SPELL_TOKEN: {V}{V}\n", "spell-token"),
        ],
        &[
            ("concourse.yml", "  source:\n    password: ((registry-password))\n"),
            ("group_vars/all.yml", "db_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  62313365396662343061393464336163383764373764613633653634306231386433626436623361\n"),
            ("secrets.enc.yaml", "password: ENC[AES256_GCM,data:Tr5xqWbE0T8=,iv:1cB7nQ==,tag:Vh3=,type:str]\n"),
            (".gitlab-ci.yml", "  script:\n    - mysql -h db -uroot -p\"$MYSQL_ROOT_PASSWORD\" app < seed.sql\n"),
            ("Jenkinsfile", "sh \"sshpass -p '${DEPLOY_PASS}' scp dist.tgz deploy@web01:/srv\"\n"),
            (".github/workflows/ci.yml", "      - run: echo \"${{ secrets.API_TOKEN }}\" | gh secret set API_TOKEN\n"),
            ("docker-compose.yml", "secrets:\n  db_password:\n    file: ./db_password.txt\n"),
            ("k8s/deploy.yaml", "          env:\n            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  name: db\n                  key: password\n"),
            ("README.md", "Run `htpasswd -b .htpasswd admin <password>` to add a user.\n"),
            ("README.md", "    curl -u<user>:<password> https://api.acme.io\n"),
            ("README.md", "    net use \\\\server\\share <password> /user:<user>\n"),
            ("README.md", "    sqlplus scott/tiger@orcl\n"),
            ("README.md", "    mysql -uroot -pchangeme\n"),
        ],
    );
}

#[test]
fn shells_stdin_and_server_env() {
    check_all(
        &[
            ("config.fish", "set -gx API_TOKEN {V}\n", "generic-token"),
            ("env.sh", "declare -x API_TOKEN={V}\n", "generic-token"),
            ("build.sh", "export MAVEN_OPTS=\"-Dhttp.proxyPassword={V} -Xmx1g\"\n", "generic-password"),
            ("login.sh", "curl -s https://auth.acme.io/token --data-raw 'grant_type=password&username=bot&password={V}'\n", "generic-password"),
            ("wifi.sh", "nmcli device wifi connect Office password {V}\n", "generic-password"),
            ("wifi.sh", "wpa_passphrase Office {V} > /etc/wpa_supplicant.conf\n", "generic-password"),
            ("setup.sh", "influx setup -u admin -p {V} -o acme -b metrics -f\n", "generic-password"),
            ("minio.sh", "mc admin user add acme deploy {V}\n", "generic-secret"),
            ("redis.sh", "redis-cli CONFIG SET requirepass {V}\n", "generic-password"),
            ("ops.sh", "echo '{V}' | sudo -S apt-get update\n", "generic-password"),
            ("ops.sh", "echo '{V}' | kinit deploy@ACME.IO\n", "generic-password"),
            (".htaccess", "SetEnv API_TOKEN {V}\n", "generic-token"),
            (".htaccess", "php_admin_value mysqli.default_pw {V}\n", "generic-password"),
            ("nginx.conf", "env API_TOKEN={V};\n", "generic-token"),
        ],
        &[
            ("config.fish", "set -gx API_TOKEN (cat ~/.token)\n"),
            ("wifi.sh", "nmcli device wifi connect Office password \"$WIFI_PSK\"\n"),
            ("ops.sh", "echo \"$SUDO_PASS\" | sudo -S apt-get update\n"),
            ("ops.sh", "echo done | sudo tee /etc/motd\n"),
            (".htaccess", "SetEnv APP_ENV production\n"),
            ("redis.sh", "redis-cli CONFIG SET maxmemory 2gb\n"),
        ],
    );
}

#[test]
fn command_lines_in_scripts_read_as_code() {
    check_all(
        &[
            (
                "deploy.ps1",
                "docker login -u bot -p {V} registry.acme.io\n",
                "generic-password",
            ),
            (
                "deploy.ps1",
                "& mysql.exe -uroot -p{V} shop\n",
                "generic-password",
            ),
            (
                "deploy.ps1",
                "cmdkey /generic:git.acme.io /user:bot /pass:{V}\n",
                "generic-password",
            ),
            (
                "deploy.ps1",
                "sqlcmd -S db01 -U sa -P {V} -i init.sql\n",
                "generic-password",
            ),
            (
                "notebook.py",
                "!curl -uadmin:{V} https://api.acme.io/export -o data.csv\n",
                "generic-password",
            ),
        ],
        &[
            ("app.js", "const total = price -discount;\n"),
            (
                "deploy.ps1",
                "docker login -u bot -p $env:REGISTRY_PASSWORD registry.acme.io\n",
            ),
            ("app.py", "return -password_strength(pw)\n"),
            ("main.go", "x := a -b\n"),
        ],
    );
}

#[test]
fn request_files() {
    check_all(
        &[
            ("api.http", "@password = {V}\n\nPOST https://api.acme.io/login\n", "generic-password"),
            ("api.http", "POST https://api.acme.io/login\nContent-Type: application/x-www-form-urlencoded\n\nusername=bot&password={V}\n", "generic-password"),
            ("api.http", "GET https://api.acme.io/me\nX-Api-Key: {V}\n", "generic-api-key"),
            ("api.rest", "GET https://speckle.acme-design.com/graphql\nAuthorization: Bearer {S}\n", "speckle-token"),
        ],
        &[
            ("api.http", "GET https://api.acme.io/me\nAuthorization: Bearer {{token}}\n"),
            ("api.http", "@password = {{$dotenv API_PASSWORD}}\n"),
        ],
    );
}

#[test]
fn infrastructure_parameters_with_defaults() {
    check_all(
        &[
            ("template.yaml", "Parameters:\n  DBPassword:\n    Type: String\n    NoEcho: true\n    Default: {V}\n", "generic-password"),
            ("main.bicep", "@secure()\nparam adminPassword string = '{V}'\n", "generic-password"),
            ("azuredeploy.parameters.json", "{\n  \"parameters\": {\n    \"adminPassword\": {\n      \"value\": \"{V}\"\n    }\n  }\n}\n", "generic-password"),
            (".github/workflows/deploy.yml", "on:\n  workflow_dispatch:\n    inputs:\n      api_token:\n        description: token\n        default: {V}\n", "generic-token"),
            ("Pulumi.yaml", "config:\n  dbPassword:\n    type: string\n    default: {V}\n", "generic-password"),
        ],
        &[
            ("main.bicep", "@secure()\nparam adminPassword string\n"),
            ("azuredeploy.parameters.json", "{\"adminPassword\": {\"reference\": {\"keyVault\": {\"id\": \"/subscriptions/x\"}, \"secretName\": \"admin\"}}}\n"),
        ],
    );
}

#[test]
fn database_and_windows_admin_tools() {
    check_all(
        &[
            ("db.sh", "mysqlsh root:{V}@localhost:3306 --sql -e 'select 1'\n", "generic-password"),
            ("db.sh", "mysqlsh --uri app:{V}@db01:33060/shop\n", "generic-password"),
            ("db2.sh", "db2 connect to SAMPLE user db2inst1 using {V}\n", "generic-password"),
            ("odbc.sh", "isql -v shop_dsn app {V}\n", "generic-password"),
            ("vc.sh", "govc ls -u 'admin:{V}@vcenter.acme.io' /dc1/vm\n", "generic-password"),
            ("bmc.sh", "racadm -r idrac01 -u root -p {V} getsysinfo\n", "generic-password"),
            ("remote.bat", "winrs -r:web01 -u:admin -p:{V} ipconfig\n", "generic-password"),
            ("wifi.bat", "netsh wlan set hostednetwork mode=allow ssid=Lab key={V}\n", "generic-password"),
            ("autologon.bat", "reg add \"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\" /v DefaultPassword /t REG_SZ /d {V} /f\n", "generic-password"),
            ("autologon.ps1", "Set-ItemProperty -Path $winlogon -Name DefaultPassword -Value '{V}'\n", "generic-password"),
        ],
        &[
            ("db.sh", "mysqlsh root@localhost:3306 --sql\n"),
            ("db2.sh", "db2 connect to SAMPLE user db2inst1 using $DB2_PASSWORD\n"),
            ("autologon.bat", "reg add \"HKLM\\SOFTWARE\\Acme\" /v InstallDir /t REG_SZ /d {V} /f\n"),
            ("autologon.ps1", "Set-ItemProperty -Path $winlogon -Name DefaultPassword -Value $pw\n"),
            ("query.sql", "SELECT * FROM orders o JOIN users u USING (user_id);\n"),
        ],
    );
}

#[test]
fn prose_about_passwords_stays_quiet() {
    check_all(
        &[(
            "deploy.exp",
            "spawn ssh deploy@web01\nexpect \"*assword:\"\nsend \"{V}\\r\"\n",
            "generic-password",
        )],
        &[
            (
                "FAQ.md",
                "Forgot your password? We send instructions by mail.\n",
            ),
            (
                "notes.txt",
                "If the password expired, send helpdesk@acme.io a ticket.\n",
            ),
            ("notes.txt", "The login=guest:guest account is read-only.\n"),
        ],
    );
}

#[test]
fn more_user_password_pairs() {
    check_all(
        &[
            ("fetch.sh", "curl -x proxy.acme.io:3128 --proxy-user bob:{V} https://example.org\n", "generic-password"),
            ("fetch.sh", "curl -x proxy.acme.io:3128 -U bob:{V} https://example.org\n", "generic-password"),
            ("mirror.sh", "lftp -c \"open -u deploy,{V} sftp://files.acme.io; mirror -R dist /www\"\n", "generic-password"),
            ("mount.sh", "mount -t cifs //fs01/share /mnt -o user=svc,pass={V}\n", "generic-password"),
            ("rclone.sh", "rclone config create acme s3 provider Minio access_key_id AKID secret_access_key {V}\n", "generic-secret"),
            ("sign.sh", "apksigner sign --ks release.jks --ks-pass pass:{V} app.apk\n", "generic-password"),
        ],
        &[
            ("sign.sh", "apksigner sign --ks release.jks --ks-pass env:KS_PASS app.apk\n"),
            ("sign.sh", "apksigner sign --ks release.jks --ks-pass file:ks.txt app.apk\n"),
            ("rclone.sh", "rclone config create acme s3 provider Minio env_auth true\n"),
        ],
    );
}

#[test]
fn more_sql_and_server_configs() {
    check_all(
        &[
            ("linked.sql", "EXEC sp_addlinkedsrvlogin @rmtsrvname = N'REMOTE', @useself = 'false', @rmtuser = 'app', @rmtpassword = '{V}';\n", "generic-password"),
            ("users.sql", "INSERT INTO mysql.user (User, Host, Password) VALUES ('app', '%', PASSWORD('{V}'));\n", "generic-password"),
            ("redis.txt", "127.0.0.1:6379> AUTH default {V}\nOK\n", "generic-password"),
            ("nginx.conf", "    set $api_key \"{V}\";\n", "generic-api-key"),
            ("default.vcl", "    set req.http.Authorization = \"Bearer {V}\";\n", "generic-token"),
            ("gitlab.rb", "gitlab_rails['smtp_password'] = \"{V}\"\n", "generic-password"),
            ("consul.hcl", "acl {\n  enabled = true\n  tokens {\n    initial_management = \"{V}\"\n  }\n}\n", "generic-token"),
            ("slapd.ldif", "dn: olcDatabase={1}mdb,cn=config\nolcRootPW: {V}\n", "generic-password"),
        ],
        &[
            ("consul.hcl", "acl {\n  tokens {\n    initial_management = \"${CONSUL_TOKEN}\"\n  }\n}\n"),
            ("slapd.ldif", "olcRootPW: {SSHA}5en6G6MezRroT3XKqkdPOmY/BfQ=\n"),
        ],
    );
}

#[test]
fn pass_phrase_arguments() {
    check_all(
        &[
            (
                "run.sh",
                "tibschemad --config repo.yaml --password pass:{V}\n",
                "generic-password",
            ),
            (
                "sign.sh",
                "apksigner sign --ks release.jks --ks-pass pass:{V} --key-pass pass:{V} app.apk\n",
                "generic-password",
            ),
        ],
        &[
            (
                "run.sh",
                "tibschemad --config repo.yaml --password env:REPO_PASSWORD\n",
            ),
            (
                "run.sh",
                "tibschemad --config repo.yaml --password file:/run/secrets/repo\n",
            ),
            ("run.sh", "tibschemad --config repo.yaml --password stdin\n"),
        ],
    );
}

#[test]
fn speckle_and_spell_through_tools() {
    check_all(
        &[
            ("ops.sh", "az keyvault secret set --vault-name kv --name speckle-token --value {S}\n", "speckle-token"),
            ("ops.sh", "echo -n '{S}' | wrangler secret put SPECKLE_TOKEN\n", "speckle-token"),
            ("ops.sh", "vault kv put secret/speckle token={S}\n", "speckle-token"),
            ("seed.sql", "INSERT INTO settings (name, value) VALUES ('speckle_token', '{S}');\n", "speckle-token"),
            ("ops.sh", "kubectl create secret generic speckle --from-literal=SPECKLE_TOKEN={S}\n", "speckle-token"),
            ("ops.sh", "aws ssm put-parameter --name /prod/spell_token --value {V}{V} --type SecureString\n", "spell-token"),
        ],
        &[
            ("ops.sh", "git log --oneline speckle-{S}\n"),
        ],
    );
}

#[test]
fn credential_maps_read_by_path() {
    check_all(
        &[
            (
                "etc/pgbouncer/userlist.txt",
                "\"app\" \"{V}\"\n\"stats\" \"md5a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6\"\n",
                "generic-password",
            ),
            (
                "etc/postfix/sasl_passwd",
                "[smtp.acme.io]:587 relay@acme.io:{V}\n",
                "generic-password",
            ),
        ],
        &[
            (
                "etc/pgbouncer/userlist.txt",
                "\"stats\" \"md5a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6\"\n",
            ),
            ("game/items.vdf", "\"password\" \"x\"\n\"Author\" \"{V}\"\n"),
            ("notes.txt", "password reset: \"admin\" \"{V}\"\n"),
        ],
    );
}
