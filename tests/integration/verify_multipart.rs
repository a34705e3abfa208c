//! Verifiers of two-part credentials: the secret found by the real scanner, its other part
//! (the rule's verify `companion`) taken from the same file, and a local server standing in
//! for the issuer that checks the request it receives.

use crate::support::http::{Recorded, Reply, TestServer};
use leakgate::finding::{Finding, VerifyStatus};
use leakgate::rules::RuleSet;
use leakgate::scan::Scanner;
use leakgate::verify::aws::GET_CALLER_IDENTITY;
use leakgate::verify::sigv4::{sign, Signing};
use leakgate::verify::VerifierBuilder;

/// A long-term access key id and a secret access key, built at run time.
fn aws_pair() -> (String, String) {
    (
        format!("AKIA{}", "Q4XWZJ7N2VB5KD3M"),
        format!("{}{}", "k7Fq2ZpR9xWm4TbV8cYn", "3LsHd6Ga1Ue5Jo0Ni+Ew"),
    )
}

/// The findings of `content` (one `.aws/credentials` file) with their verdicts.
fn verify_file(content: &str, server: &TestServer, override_base: bool) -> Vec<Finding> {
    let set = RuleSet::builtin().unwrap();
    let scanner = Scanner::new(RuleSet::builtin().unwrap());
    let path = Some(".aws/credentials");
    let at: Option<std::sync::Arc<str>> = path.map(Into::into);
    let mut findings: Vec<Finding> = scanner
        .scan(path, content.as_bytes())
        .iter()
        .map(|m| scanner.secret_finding(m, at.as_ref()))
        .filter(|f| &*f.rule == "aws-secret-access-key")
        .collect();
    assert_eq!(findings.len(), 1, "one secret access key in {content:?}");
    let builder = VerifierBuilder::new();
    let builder = if override_base {
        builder.endpoint("aws", server.url())
    } else {
        builder.stand_in("aws", server.url())
    };
    builder.build().verify_findings(&set, &mut findings);
    findings
}

/// Recomputes the SigV4 signature of a received request with the secret it should carry.
fn signature_checks(request: &Recorded, key_id: &str, secret: &str) -> bool {
    let Some(auth) = request.header("authorization") else {
        return false;
    };
    let Some(date) = request.header("x-amz-date") else {
        return false;
    };
    let host = request.header("host").unwrap_or_default();
    let content_type = request.header("content-type").unwrap_or_default();
    let signed = sign(
        &Signing {
            method: &request.method,
            path: &request.target,
            query: "",
            headers: &[
                ("content-type", content_type),
                ("host", host),
                ("x-amz-date", date),
            ],
            body: &request.body,
            amz_date: date,
            region: "us-east-1",
            service: "sts",
        },
        secret,
    );
    auth == signed.authorization(key_id)
}

const ARN_ANSWER: &str = r#"<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/ci-deploy</Arn><UserId>AIDAEXAMPLEUSERID</UserId><Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>"#;

fn sts_error(code: &str) -> String {
    format!(
        r#"<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>{code}</Code><Message>m</Message></Error><RequestId>r</RequestId></ErrorResponse>"#
    )
}

#[test]
fn aws_secret_is_signed_with_the_key_id_near_it_and_read_from_sts() {
    let (key_id, secret) = aws_pair();
    let content = format!(
        "[default]\naws_access_key_id = {key_id}\naws_secret_access_key = {secret}\nregion = eu-west-1\n"
    );
    let (id, sec) = (key_id.clone(), secret.clone());
    // The server accepts only a request signed with the right pair.
    let server = TestServer::start(move |request| {
        if signature_checks(request, &id, &sec) {
            Reply::text(200, "text/xml", ARN_ANSWER)
        } else {
            Reply::text(403, "text/xml", &sts_error("SignatureDoesNotMatch"))
        }
    });
    let findings = verify_file(&content, &server, true);
    let verdict = findings[0].verification.clone().unwrap();
    assert_eq!(verdict.status, VerifyStatus::Live, "{}", verdict.detail);
    assert!(verdict
        .detail
        .contains("arn:aws:iam::123456789012:user/ci-deploy"));
    assert!(!verdict.detail.contains(&secret));
    let seen = server.requests();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].method, "POST");
    assert_eq!(seen[0].target, "/");
    assert_eq!(seen[0].body_text(), GET_CALLER_IDENTITY);
    assert!(!seen[0].header("authorization").unwrap().contains(&secret));
}

#[test]
fn aws_dead_only_when_every_partition_says_the_key_id_does_not_exist() {
    let (key_id, secret) = aws_pair();
    let content = format!("aws_access_key_id={key_id}\naws_secret_access_key={secret}\n");
    // Standing in for the default hosts: aws, GovCloud and China are each asked.
    let server =
        TestServer::start(|_| Reply::text(403, "text/xml", &sts_error("InvalidClientTokenId")));
    let verdict = verify_file(&content, &server, false)[0]
        .verification
        .clone()
        .unwrap();
    assert_eq!(verdict.status, VerifyStatus::Dead, "{}", verdict.detail);
    assert_eq!(server.request_count(), 3);
    assert!(verdict.detail.contains("GovCloud"), "{}", verdict.detail);

    // One partition that cannot say (throttled): unknown, not dead.
    let calls = std::sync::atomic::AtomicUsize::new(0);
    let server = TestServer::start(move |_| {
        if calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst) == 1 {
            Reply::text(400, "text/xml", &sts_error("Throttling"))
        } else {
            Reply::text(403, "text/xml", &sts_error("InvalidClientTokenId"))
        }
    });
    let verdict = verify_file(&content, &server, false)[0]
        .verification
        .clone()
        .unwrap();
    assert_eq!(verdict.status, VerifyStatus::Unknown, "{}", verdict.detail);
}

#[test]
fn aws_signature_mismatch_proves_nothing_about_the_secret() {
    let (key_id, secret) = aws_pair();
    let content = format!("aws_access_key_id={key_id}\naws_secret_access_key={secret}\n");
    let server =
        TestServer::start(|_| Reply::text(403, "text/xml", &sts_error("SignatureDoesNotMatch")));
    let verdict = verify_file(&content, &server, false)[0]
        .verification
        .clone()
        .unwrap();
    assert_eq!(verdict.status, VerifyStatus::Unknown, "{}", verdict.detail);
    assert!(
        verdict.detail.contains("SignatureDoesNotMatch"),
        "{}",
        verdict.detail
    );
}

#[test]
fn aws_secret_without_a_long_term_key_id_near_it_is_not_sent() {
    let (key_id, secret) = aws_pair();
    let server = TestServer::start(|_| Reply::text(200, "text/xml", ARN_ANSWER));
    // No key id in the file.
    let alone = format!("aws_secret_access_key = {secret}\n");
    let verdict = verify_file(&alone, &server, false)[0]
        .verification
        .clone()
        .unwrap();
    assert_eq!(verdict.status, VerifyStatus::Unknown, "{}", verdict.detail);
    assert!(verdict.detail.contains("not sent"), "{}", verdict.detail);
    // A temporary key id: its session token would be needed too.
    let temporary = format!(
        "aws_access_key_id = {}\naws_secret_access_key = {secret}\n",
        key_id.replacen("AKIA", "ASIA", 1)
    );
    let verdict = verify_file(&temporary, &server, false)[0]
        .verification
        .clone()
        .unwrap();
    assert_eq!(verdict.status, VerifyStatus::Unknown, "{}", verdict.detail);
    assert!(
        verdict.detail.contains("session token"),
        "{}",
        verdict.detail
    );
    assert_eq!(server.request_count(), 0);
}

/// A storage account key (64 random-looking bytes in base64), built at run time.
fn azure_key() -> String {
    use base64::Engine;
    let bytes: Vec<u8> = (0..64u32).map(|i| (i * 37 + 11) as u8).collect();
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The findings of `content` for the storage key rule, verified against `server`.
fn verify_azure(content: &str, server: &TestServer) -> leakgate::finding::Verification {
    let set = RuleSet::builtin().unwrap();
    let scanner = Scanner::new(RuleSet::builtin().unwrap());
    let path = Some("appsettings.json");
    let at: Option<std::sync::Arc<str>> = path.map(Into::into);
    let mut findings: Vec<Finding> = scanner
        .scan(path, content.as_bytes())
        .iter()
        .map(|m| scanner.secret_finding(m, at.as_ref()))
        .filter(|f| &*f.rule == "azure-storage-account-key")
        .collect();
    assert_eq!(findings.len(), 1, "one storage key in {content:?}");
    VerifierBuilder::new()
        .stand_in("azure-storage", server.url())
        .build()
        .verify_findings(&set, &mut findings);
    *findings[0].verification.clone().unwrap()
}

/// Checks a Shared Key signature the way the Blob service does, from the documented
/// string to sign (https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key).
fn shared_key_checks(request: &Recorded, account: &str, key: &str) -> bool {
    use base64::Engine;
    use hmac::Mac;
    let engine = base64::engine::general_purpose::STANDARD;
    let (Some(date), Some(version), Some(auth)) = (
        request.header("x-ms-date"),
        request.header("x-ms-version"),
        request.header("authorization"),
    ) else {
        return false;
    };
    let mut text = String::from("GET\n");
    text.push_str(&"\n".repeat(11));
    text.push_str(&format!("x-ms-date:{date}\nx-ms-version:{version}\n"));
    text.push_str(&format!("/{account}/\ncomp:list\nmaxresults:1"));
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(&engine.decode(key).unwrap()).unwrap();
    mac.update(text.as_bytes());
    auth == format!(
        "SharedKey {account}:{}",
        engine.encode(mac.finalize().into_bytes())
    )
}

const AZURE_WRONG_KEY: &str = r#"<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>Server failed to authenticate the request.</Message><AuthenticationErrorDetail>The MAC signature found in the HTTP request 'x' is not the same as any computed signature.</AuthenticationErrorDetail></Error>"#;

#[test]
fn azure_storage_key_is_signed_for_the_account_named_beside_it() {
    let key = azure_key();
    let content = format!(
        "{{\"Storage\": \"DefaultEndpointsProtocol=https;AccountName=acmeprod01;AccountKey={key};EndpointSuffix=core.windows.net\"}}\n"
    );
    let k = key.clone();
    let server = TestServer::start(move |request| {
        if shared_key_checks(request, "acmeprod01", &k) {
            Reply::text(
                200,
                "application/xml",
                "<?xml version=\"1.0\"?><EnumerationResults><Containers /></EnumerationResults>",
            )
        } else {
            Reply::text(403, "application/xml", AZURE_WRONG_KEY)
        }
    });
    let verdict = verify_azure(&content, &server);
    assert_eq!(verdict.status, VerifyStatus::Live, "{}", verdict.detail);
    assert!(
        verdict.detail.contains("acmeprod01.blob.core.windows.net"),
        "{}",
        verdict.detail
    );
    let seen = server.requests();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].method, "GET");
    assert_eq!(seen[0].target, "/?comp=list&maxresults=1");
    assert!(!seen[0].header("authorization").unwrap().contains(&key));

    // A key that is not the account's: dead. A skewed clock: unknown.
    let server = TestServer::start(|_| Reply::text(403, "application/xml", AZURE_WRONG_KEY));
    let verdict = verify_azure(&content, &server);
    assert_eq!(verdict.status, VerifyStatus::Dead, "{}", verdict.detail);
    let server = TestServer::start(|_| {
        Reply::text(
            403,
            "application/xml",
            "<Error><Code>AuthenticationFailed</Code><AuthenticationErrorDetail>Request date header too old</AuthenticationErrorDetail></Error>",
        )
    });
    assert_eq!(
        verify_azure(&content, &server).status,
        VerifyStatus::Unknown
    );
}

#[test]
fn azure_storage_key_without_a_public_cloud_account_is_not_sent() {
    let key = azure_key();
    let server = TestServer::start(|_| Reply::text(403, "application/xml", AZURE_WRONG_KEY));
    for content in [
        // A Cosmos DB key: no storage account name.
        format!("AccountEndpoint=https://acme.documents.azure.com:443/;AccountKey={key};"),
        // Azure China: another cloud's account of the same name may exist publicly.
        format!("DefaultEndpointsProtocol=https;AccountName=acmeprod01;AccountKey={key};EndpointSuffix=core.chinacloudapi.cn"),
        // A name that is no storage account name.
        format!("DefaultEndpointsProtocol=https;AccountName=Acme-Prod;AccountKey={key}"),
    ] {
        let verdict = verify_azure(&content, &server);
        assert_eq!(verdict.status, VerifyStatus::Unknown, "{content}: {}", verdict.detail);
        assert!(verdict.detail.contains("not sent"), "{}", verdict.detail);
    }
    assert_eq!(server.request_count(), 0);
}

/// The findings of `content` for `rule`, verified against `server` standing in for `endpoint`.
fn verify_rule(
    content: &str,
    rule: &str,
    endpoint: &str,
    server: &TestServer,
) -> leakgate::finding::Verification {
    let set = RuleSet::builtin().unwrap();
    let scanner = Scanner::new(RuleSet::builtin().unwrap());
    let path = Some(".env");
    let at: Option<std::sync::Arc<str>> = path.map(Into::into);
    let mut findings: Vec<Finding> = scanner
        .scan(path, content.as_bytes())
        .iter()
        .map(|m| scanner.secret_finding(m, at.as_ref()))
        .filter(|f| &*f.rule == rule)
        .collect();
    assert_eq!(findings.len(), 1, "one {rule} in {content:?}");
    VerifierBuilder::new()
        .stand_in(endpoint, server.url())
        .build()
        .verify_findings(&set, &mut findings);
    *findings[0].verification.clone().unwrap()
}

#[test]
fn twilio_auth_token_is_sent_with_the_account_sid_beside_it() {
    use base64::Engine;
    let sid = format!("AC{}", "5e0c9931".repeat(4));
    let token = "3f9a1c7e".repeat(4);
    let content = format!("TWILIO_ACCOUNT_SID={sid}\nTWILIO_AUTH_TOKEN={token}\n");
    let expected_auth = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{sid}:{token}"))
    );
    let (s, auth) = (sid.clone(), expected_auth.clone());
    let server = TestServer::start(move |request| {
        if request.header("authorization") == Some(auth.as_str())
            && request.target == format!("/2010-04-01/Accounts/{s}.json")
        {
            Reply::json(
                200,
                &format!(r#"{{"sid":"{s}","friendly_name":"Acme production","status":"active"}}"#),
            )
        } else {
            Reply::json(
                401,
                r#"{"code":20003,"message":"Authenticate","more_info":"https://www.twilio.com/docs/errors/20003","status":401}"#,
            )
        }
    });
    let verdict = verify_rule(&content, "twilio-auth-token", "twilio", &server);
    assert_eq!(verdict.status, VerifyStatus::Live, "{}", verdict.detail);
    assert!(
        verdict.detail.contains("Acme production"),
        "{}",
        verdict.detail
    );
    assert_eq!(server.requests()[0].method, "GET");

    // The pair rejected: unknown, never dead (the SID found may be another account's).
    let other = format!(
        "TWILIO_ACCOUNT_SID={sid}\nTWILIO_AUTH_TOKEN={}\n",
        "0b1d2e4f".repeat(4)
    );
    let verdict = verify_rule(&other, "twilio-auth-token", "twilio", &server);
    assert_eq!(verdict.status, VerifyStatus::Unknown, "{}", verdict.detail);
    assert!(verdict.detail.contains("20003"), "{}", verdict.detail);

    // No account SID in the file: not sent.
    let alone = format!("TWILIO_AUTH_TOKEN={token}\n");
    let before = server.request_count();
    let verdict = verify_rule(&alone, "twilio-auth-token", "twilio", &server);
    assert_eq!(verdict.status, VerifyStatus::Unknown, "{}", verdict.detail);
    assert!(verdict.detail.contains("not sent"), "{}", verdict.detail);
    assert_eq!(server.request_count(), before);
}

/// An Atlassian API token's shape (`ATATT3`, 178 base64url characters, `=`, 8 hex).
fn atlassian_token() -> String {
    format!(
        "ATATT3{}={}",
        "xFfGF0Ah6KSzJy_b"
            .repeat(12)
            .chars()
            .take(178)
            .collect::<String>(),
        "53C05BDD"
    )
}

#[test]
fn atlassian_token_is_asked_at_the_site_and_email_the_file_names() {
    use base64::Engine;
    let token = atlassian_token();
    let content = format!(
        "JIRA_URL=https://acme.atlassian.net\nJIRA_EMAIL=ci-bot@acme.example\nJIRA_API_TOKEN={token}\n"
    );
    let auth = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("ci-bot@acme.example:{token}"))
    );
    let server = TestServer::start(move |request| {
        if request.header("authorization") == Some(auth.as_str()) {
            Reply::json(
                200,
                r#"{"accountId":"5b10a2844c20165700ede21g","displayName":"CI bot"}"#,
            )
        } else {
            Reply::text(401, "text/plain", "")
        }
    });
    let verdict = verify_rule(&content, "atlassian-api-token", "atlassian", &server);
    assert_eq!(verdict.status, VerifyStatus::Live, "{}", verdict.detail);
    assert!(
        verdict.detail.contains("5b10a2844c20165700ede21g"),
        "{}",
        verdict.detail
    );
    assert_eq!(server.requests()[0].target, "/rest/api/3/myself");

    // Another email near the token: the 401 proves nothing.
    let wrong = content.replace("ci-bot@", "someone@");
    let verdict = verify_rule(&wrong, "atlassian-api-token", "atlassian", &server);
    assert_eq!(verdict.status, VerifyStatus::Unknown, "{}", verdict.detail);

    // No site, or a site that is not on atlassian.net: not sent.
    let before = server.request_count();
    for content in [
        format!("JIRA_EMAIL=ci-bot@acme.example\nJIRA_API_TOKEN={token}\n"),
        format!("JIRA_URL=https://jira.acme.example\nJIRA_EMAIL=ci-bot@acme.example\nJIRA_API_TOKEN={token}\n"),
        format!("JIRA_URL=https://acme.atlassian.net\nJIRA_API_TOKEN={token}\n"),
    ] {
        let verdict = verify_rule(&content, "atlassian-api-token", "atlassian", &server);
        assert_eq!(verdict.status, VerifyStatus::Unknown, "{content}: {}", verdict.detail);
        assert!(verdict.detail.contains("not sent"), "{}", verdict.detail);
    }
    assert_eq!(server.request_count(), before);
}

#[test]
fn twilio_api_key_secret_is_sent_with_the_key_sid_beside_it() {
    use base64::Engine;
    let sid = format!("SK{}", "7c1e0b9a".repeat(4));
    let secret = ["Q7m2Kx9p", "L4vR8tZ1"].concat().repeat(2);
    let content = format!("TWILIO_API_KEY={sid}\nTWILIO_API_SECRET={secret}\n");
    let expected_auth = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{sid}:{secret}"))
    );
    let restricted = "Z3n8Wq1cV5bH2jK6".repeat(2);
    let restricted_auth = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{sid}:{restricted}"))
    );
    let server = TestServer::start(move |request| {
        if request.target != "/v1/Services?PageSize=1" {
            Reply::json(404, r#"{"code":20404,"status":404}"#)
        } else if request.header("authorization") == Some(expected_auth.as_str()) {
            Reply::json(
                200,
                r#"{"services":[],"meta":{"page":0,"page_size":1,"key":"services"}}"#,
            )
        } else if request.header("authorization") == Some(restricted_auth.as_str()) {
            Reply::json(403, r#"{"code":20403,"message":"Forbidden","status":403}"#)
        } else {
            Reply::json(
                401,
                r#"{"code":20003,"message":"Authenticate","more_info":"https://www.twilio.com/docs/errors/20003","status":401}"#,
            )
        }
    });
    let verdict = verify_rule(
        &content,
        "twilio-api-key-secret",
        "twilio-messaging",
        &server,
    );
    assert_eq!(verdict.status, VerifyStatus::Live, "{}", verdict.detail);
    assert_eq!(server.requests()[0].method, "GET");

    // A Restricted key without this permission was still recognised: live, said so.
    let limited = format!("TWILIO_API_KEY={sid}\nTWILIO_API_SECRET={restricted}\n");
    let verdict = verify_rule(
        &limited,
        "twilio-api-key-secret",
        "twilio-messaging",
        &server,
    );
    assert_eq!(verdict.status, VerifyStatus::Live, "{}", verdict.detail);
    assert!(verdict.detail.contains("Restricted"), "{}", verdict.detail);

    // The pair rejected: unknown, never dead (the SID found may be another key's).
    let other = format!(
        "TWILIO_API_KEY={sid}\nTWILIO_API_SECRET={}\n",
        "P0o9I8u7Y6t5R4e3".repeat(2)
    );
    let verdict = verify_rule(&other, "twilio-api-key-secret", "twilio-messaging", &server);
    assert_eq!(verdict.status, VerifyStatus::Unknown, "{}", verdict.detail);
    assert!(verdict.detail.contains("20003"), "{}", verdict.detail);

    // No key SID in the file: not sent.
    let alone = format!("TWILIO_API_SECRET={secret}\n");
    let before = server.request_count();
    let verdict = verify_rule(&alone, "twilio-api-key-secret", "twilio-messaging", &server);
    assert_eq!(verdict.status, VerifyStatus::Unknown, "{}", verdict.detail);
    assert!(verdict.detail.contains("not sent"), "{}", verdict.detail);
    assert_eq!(server.request_count(), before);
}

/// A session token's shape (`IQoJb3JpZ2luX2Vj` and several hundred base64 characters), with
/// high-entropy filler built at run time.
fn session_token() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let filler: String = (0..320)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            ALPHABET[(state % 64) as usize] as char
        })
        .collect();
    format!("IQoJb3JpZ2luX2Vj{filler}")
}

/// Every AWS finding of `content` with its verdict, the server standing in for STS.
fn verify_aws_file(content: &str, server: &TestServer) -> Vec<Finding> {
    let set = RuleSet::builtin().unwrap();
    let scanner = Scanner::new(RuleSet::builtin().unwrap());
    let path = Some(".aws/credentials");
    let at: Option<std::sync::Arc<str>> = path.map(Into::into);
    let mut findings: Vec<Finding> = scanner
        .scan(path, content.as_bytes())
        .iter()
        .map(|m| scanner.secret_finding(m, at.as_ref()))
        .filter(|f| &*f.rule == "aws-secret-access-key" || &*f.rule == "aws-session-token")
        .collect();
    VerifierBuilder::new()
        .stand_in("aws", server.url())
        .build()
        .verify_findings(&set, &mut findings);
    findings
}

fn verdict_of(findings: &[Finding], rule: &str) -> leakgate::finding::Verification {
    let found: Vec<_> = findings.iter().filter(|f| &*f.rule == rule).collect();
    assert_eq!(found.len(), 1, "one {rule} finding");
    *found[0].verification.clone().unwrap()
}

#[test]
fn aws_temporary_credentials_are_signed_with_their_session_token() {
    let (key_id, secret) = aws_pair();
    let key_id = key_id.replacen("AKIA", "ASIA", 1);
    let token = session_token();
    let content = format!(
        "[default]\naws_access_key_id = {key_id}\naws_secret_access_key = {secret}\naws_session_token = {token}\n"
    );
    let (id, sec, tok) = (key_id.clone(), secret.clone(), token.clone());
    // The server accepts only a request carrying the token, signed with it and the pair.
    let server = TestServer::start(move |request| {
        let date = request.header("x-amz-date").unwrap_or_default();
        let signed = sign(
            &Signing {
                method: &request.method,
                path: &request.target,
                query: "",
                headers: &[
                    (
                        "content-type",
                        request.header("content-type").unwrap_or_default(),
                    ),
                    ("host", request.header("host").unwrap_or_default()),
                    ("x-amz-date", date),
                    (
                        "x-amz-security-token",
                        request.header("x-amz-security-token").unwrap_or_default(),
                    ),
                ],
                body: &request.body,
                amz_date: date,
                region: "us-east-1",
                service: "sts",
            },
            &sec,
        );
        if request.header("x-amz-security-token") == Some(tok.as_str())
            && request.header("authorization") == Some(signed.authorization(&id).as_str())
        {
            Reply::text(
                200,
                "text/xml",
                &ARN_ANSWER.replace("user/ci-deploy", "assumed-role/deploy/s1"),
            )
        } else {
            Reply::text(403, "text/xml", &sts_error("SignatureDoesNotMatch"))
        }
    });
    let findings = verify_aws_file(&content, &server);
    for rule in ["aws-secret-access-key", "aws-session-token"] {
        let verdict = verdict_of(&findings, rule);
        assert_eq!(
            verdict.status,
            VerifyStatus::Live,
            "{rule}: {}",
            verdict.detail
        );
        assert!(
            verdict.detail.contains("assumed-role/deploy/s1"),
            "{}",
            verdict.detail
        );
        assert!(!verdict.detail.contains(&token) && !verdict.detail.contains(&secret));
    }

    // Expired credentials: STS's ExpiredToken in every partition is dead.
    let server = TestServer::start(|_| Reply::text(400, "text/xml", &sts_error("ExpiredToken")));
    let findings = verify_aws_file(&content, &server);
    for rule in ["aws-secret-access-key", "aws-session-token"] {
        let verdict = verdict_of(&findings, rule);
        assert_eq!(
            verdict.status,
            VerifyStatus::Dead,
            "{rule}: {}",
            verdict.detail
        );
        assert!(verdict.detail.contains("expired"), "{}", verdict.detail);
    }

    // A session token without its key pair in the file: not sent.
    let server = TestServer::start(|_| Reply::text(200, "text/xml", ARN_ANSWER));
    let alone = format!("aws_session_token = {token}\n");
    let verdict = verdict_of(&verify_aws_file(&alone, &server), "aws-session-token");
    assert_eq!(verdict.status, VerifyStatus::Unknown, "{}", verdict.detail);
    assert!(verdict.detail.contains("not sent"), "{}", verdict.detail);
    assert_eq!(server.request_count(), 0);
}
