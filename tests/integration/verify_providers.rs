//! Every built-in verifier against a local server that answers as the real service does for
//! a live token, a revoked one and an error, checking the request it receives (method,
//! path, headers, body). The base URL is pointed at the server through the rule's
//! `endpoint` name, exactly as `[verify.endpoints]` does for self-hosted users. The secret
//! is each rule's own first example (a real-format fake), found by the real scanner.

use crate::support::http::{Recorded, Reply, TestServer};
use base64::Engine;
use leakgate::finding::{Secret, VerifyStatus};
use leakgate::rules::{Rule, RuleSet};
use leakgate::scan::Scanner;
use leakgate::verify::spec::Check;
use leakgate::verify::VerifierBuilder;
use std::collections::BTreeSet;
use std::time::Duration;

/// How the secret travels in the request.
#[derive(Clone, Copy)]
enum Auth {
    /// In this header, after this prefix.
    Header(&'static str, &'static str),
    /// HTTP Basic: user then password, `{s}` standing for the secret.
    Basic(&'static str, &'static str),
    /// In the request target (`{s}` in `target`).
    InPath,
}

/// One provider's verifier, shared by the rules listed.
struct Case {
    rules: &'static [&'static str],
    method: &'static str,
    /// Path and query; `{s}` is the secret.
    target: &'static str,
    auth: Auth,
    /// Other headers the service needs: (name, value).
    headers: &'static [(&'static str, &'static str)],
    /// A fragment the body must contain.
    body: Option<&'static str>,
    /// The live answer: status, JSON body, extra headers.
    live: (u16, &'static str, &'static [(&'static str, &'static str)]),
    /// Text the live detail must show (the identity), if any.
    identity: Option<&'static str>,
    scopes: &'static [&'static str],
    /// The answer for a revoked token.
    dead: (u16, &'static str),
}

const NONE: &[(&str, &str)] = &[];

fn cases() -> Vec<Case> {
    vec![
        Case {
            rules: &["deepl-api-key-free", "deepl-api-key"],
            method: "GET",
            target: "/v2/usage",
            auth: Auth::Header("authorization", "DeepL-Auth-Key "),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"character_count":180118,"character_limit":1250000}"#,
                NONE,
            ),
            identity: None,
            scopes: &[],
            dead: (
                403,
                r#"{"message":"Authorization failure, check auth_key"}"#,
            ),
        },
        Case {
            rules: &["resend-api-key"],
            method: "GET",
            target: "/domains",
            auth: Auth::Header("authorization", "Bearer "),
            headers: &[("user-agent", "leakgate")],
            body: None,
            live: (200, r#"{"object":"list","data":[]}"#, NONE),
            identity: None,
            scopes: &[],
            dead: (
                400,
                r#"{"statusCode":400,"name":"validation_error","message":"API key is invalid"}"#,
            ),
        },
        Case {
            rules: &["coinmarketcap-api-key"],
            method: "GET",
            target: "/v1/key/info",
            auth: Auth::Header("x-cmc_pro_api_key", ""),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"data":{"plan":{"credit_limit_monthly":10000}},"status":{"error_code":0}}"#,
                NONE,
            ),
            identity: None,
            scopes: &[],
            dead: (
                401,
                r#"{"status":{"error_code":1001,"error_message":"This API Key is invalid."}}"#,
            ),
        },
        Case {
            rules: &["ibm-cloud-api-key"],
            method: "POST",
            target: "/identity/token",
            auth: Auth::InPath,
            headers: &[("content-type", "application/x-www-form-urlencoded")],
            body: Some("grant_type=urn:ibm:params:oauth:grant-type:apikey&apikey="),
            live: (
                200,
                r#"{"access_token":"eyJ.e30.c2ln","token_type":"Bearer","expires_in":3600}"#,
                NONE,
            ),
            identity: None,
            scopes: &[],
            dead: (
                400,
                r#"{"errorCode":"BXNIM0415E","errorMessage":"Provided API key could not be found."}"#,
            ),
        },
        Case {
            rules: &["apify-api-token"],
            method: "GET",
            target: "/v2/users/me",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"data":{"id":"YiKoxjkaS9gjGTqhF","username":"myusername"}}"#,
                NONE,
            ),
            identity: Some("myusername"),
            scopes: &[],
            dead: (
                401,
                r#"{"error":{"type":"user-or-token-not-found","message":"User was not found or authentication token is not valid"}}"#,
            ),
        },
        Case {
            rules: &["hunter-api-key"],
            method: "GET",
            target: "/v2/account?api_key={s}",
            auth: Auth::InPath,
            headers: NONE,
            body: None,
            live: (200, r#"{"data":{"email":"alexis@hunter.io"}}"#, NONE),
            identity: Some("alexis@hunter.io"),
            scopes: &[],
            dead: (
                401,
                r#"{"errors":[{"id":"authentication_failed","code":401,"details":"No user found for the API key supplied"}]}"#,
            ),
        },
        Case {
            rules: &["serpapi-api-key"],
            method: "GET",
            target: "/account.json?api_key={s}",
            auth: Auth::InPath,
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"account_id":"5ac54d6adefb2f1dba1a7f2b","account_email":"demo@serpapi.com"}"#,
                NONE,
            ),
            identity: Some("demo@serpapi.com"),
            scopes: &[],
            dead: (
                401,
                r#"{"error":"Invalid API key. Your API key should be here: https://serpapi.com/manage-api-key"}"#,
            ),
        },
        Case {
            rules: &["webex-access-token"],
            method: "GET",
            target: "/v1/people/me",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (200, r#"{"id":"Y2lz","displayName":"John Andersen"}"#, NONE),
            identity: Some("John Andersen"),
            scopes: &[],
            dead: (
                401,
                r#"{"message":"The request requires a valid access token set in the Authorization request header.","errors":[],"trackingId":"ROUTER_0"}"#,
            ),
        },
        Case {
            rules: &["coda-api-token"],
            method: "GET",
            target: "/apis/v1/whoami",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"name":"John Doe","loginId":"user@example.com"}"#,
                NONE,
            ),
            identity: Some("user@example.com"),
            scopes: &[],
            dead: (
                401,
                r#"{"statusCode":401,"statusMessage":"Unauthorized","message":"Unauthorized"}"#,
            ),
        },
        Case {
            rules: &["clickup-api-token"],
            method: "GET",
            target: "/api/v2/user",
            auth: Auth::Header("authorization", ""),
            headers: NONE,
            body: None,
            live: (200, r#"{"user":{"id":123,"username":"John Doe"}}"#, NONE),
            identity: Some("John Doe"),
            scopes: &[],
            dead: (401, r#"{"err":"Token invalid","ECODE":"OAUTH_025"}"#),
        },
        Case {
            rules: &["elevenlabs-api-key"],
            method: "GET",
            target: "/v1/user",
            auth: Auth::Header("xi-api-key", ""),
            headers: NONE,
            body: None,
            live: (200, r#"{"subscription":{"tier":"free"}}"#, NONE),
            identity: None,
            scopes: &[],
            dead: (
                401,
                r#"{"detail":{"status":"invalid_api_key","message":"Invalid API key"}}"#,
            ),
        },
        Case {
            rules: &["pushbullet-access-token"],
            method: "GET",
            target: "/v2/users/me",
            auth: Auth::Header("access-token", ""),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"iden":"ujpah72o0","email":"elon@teslamotors.com"}"#,
                NONE,
            ),
            identity: Some("elon@teslamotors.com"),
            scopes: &[],
            dead: (
                401,
                r#"{"error":{"code":"invalid_access_token","type":"invalid_request","message":"Access token is missing or invalid."}}"#,
            ),
        },
        Case {
            rules: &["posthog-personal-api-key"],
            method: "GET",
            target: "/api/users/@me/",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"uuid":"0188c0b3-4e6f-0000-5a5b-2b3c4d5e6f70","email":"ana@example.com"}"#,
                NONE,
            ),
            identity: Some("ana@example.com"),
            scopes: &[],
            dead: (
                401,
                r#"{"type":"authentication_error","code":"authentication_failed","detail":"Personal API key found in request Authorization header is invalid.","attr":null}"#,
            ),
        },
        Case {
            rules: &["telnyx-api-key"],
            method: "GET",
            target: "/v2/balance",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"data":{"record_type":"balance","balance":"300.00"}}"#,
                NONE,
            ),
            identity: None,
            scopes: &[],
            dead: (
                401,
                r#"{"errors":[{"code":"10009","title":"Authentication failed"}]}"#,
            ),
        },
        Case {
            rules: &["messagebird-access-key"],
            method: "GET",
            target: "/balance",
            auth: Auth::Header("authorization", "AccessKey "),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"payment":"prepaid","type":"euros","amount":103}"#,
                NONE,
            ),
            identity: None,
            scopes: &[],
            dead: (
                401,
                r#"{"errors":[{"code":2,"description":"Request not allowed (incorrect access_key)","parameter":"access_key"}]}"#,
            ),
        },
        Case {
            rules: &["pipedrive-api-token"],
            method: "GET",
            target: "/v1/users/me?api_token={s}",
            auth: Auth::InPath,
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"success":true,"data":{"email":"ana@example.com"}}"#,
                NONE,
            ),
            identity: Some("ana@example.com"),
            scopes: &[],
            dead: (
                401,
                r#"{"success":false,"error":"unauthorized access","errorCode":401}"#,
            ),
        },
        Case {
            rules: &["particle-access-token"],
            method: "GET",
            target: "/v1/user",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (200, r#"{"username":"someone@particle.io"}"#, NONE),
            identity: Some("someone@particle.io"),
            scopes: &[],
            dead: (
                401,
                r#"{"error":"invalid_token","error_description":"The access token provided is invalid."}"#,
            ),
        },
        Case {
            rules: &["typeform-personal-token"],
            method: "GET",
            target: "/me",
            auth: Auth::Header("authorization", "Bearer "),
            headers: &[("user-agent", "leakgate")],
            body: None,
            live: (
                200,
                r#"{"alias":"Ana","email":"ana@example.com","user_id":"01ABC"}"#,
                NONE,
            ),
            identity: Some("ana@example.com"),
            scopes: &[],
            dead: (
                401,
                r#"{"code":"AUTHENTICATION_FAILED","description":"Authentication credentials not found on the Request Headers"}"#,
            ),
        },
        Case {
            rules: &["sparkpost-api-key"],
            method: "GET",
            target: "/api/v1/account",
            auth: Auth::Header("authorization", ""),
            headers: NONE,
            body: None,
            live: (200, r#"{"results":{"customer_id":12345}}"#, NONE),
            identity: None,
            scopes: &[],
            dead: (401, r#"{"errors":[{"message":"Unauthorized."}]}"#),
        },
        Case {
            rules: &["stability-api-key"],
            method: "GET",
            target: "/v1/user/account",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"id":"user-1234","email":"example@stability.ai"}"#,
                NONE,
            ),
            identity: Some("example@stability.ai"),
            scopes: &[],
            dead: (
                401,
                r#"{"id":"9160aa70","name":"unauthorized","message":"missing authorization header"}"#,
            ),
        },
        Case {
            rules: &["sourcegraph-access-token"],
            method: "POST",
            target: "/.api/graphql",
            auth: Auth::Header("authorization", "token "),
            headers: NONE,
            body: Some("currentUser"),
            live: (200, r#"{"data":{"currentUser":{"username":"ana"}}}"#, NONE),
            identity: Some("ana"),
            scopes: &[],
            dead: (401, "Invalid access token.\n"),
        },
        Case {
            rules: &["miro-access-token"],
            method: "GET",
            target: "/v1/oauth-token",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"type":"oAuthToken","scopes":["boards:read"],"user":{"type":"user","id":"1","name":"Ana"}}"#,
                NONE,
            ),
            identity: Some("Ana"),
            scopes: &["boards:read"],
            dead: (
                401,
                r#"{"status":401,"code":"tokenNotValid","message":"Authorization failed","type":"error"}"#,
            ),
        },
        Case {
            rules: &["github-pat", "github-oauth-token"],
            method: "GET",
            target: "/user",
            auth: Auth::Header("authorization", "token "),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"login":"octocat","id":1}"#,
                &[("X-OAuth-Scopes", "repo, read:org")],
            ),
            identity: Some("octocat"),
            scopes: &["repo", "read:org"],
            dead: (401, r#"{"message":"Bad credentials"}"#),
        },
        Case {
            rules: &["github-fine-grained-pat"],
            method: "GET",
            target: "/user",
            auth: Auth::Header("authorization", "token "),
            headers: NONE,
            body: None,
            live: (200, r#"{"login":"octocat","id":1}"#, NONE),
            identity: Some("octocat"),
            scopes: &[],
            dead: (401, r#"{"message":"Bad credentials"}"#),
        },
        Case {
            rules: &["gitlab-pat"],
            method: "GET",
            target: "/api/v4/personal_access_tokens/self",
            auth: Auth::Header("private-token", ""),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"id":4,"name":"ci","revoked":false,"scopes":["api","read_user"],"active":true}"#,
                NONE,
            ),
            identity: Some("ci"),
            scopes: &["api", "read_user"],
            dead: (401, r#"{"message":"401 Unauthorized"}"#),
        },
        Case {
            rules: &["slack-bot-token", "slack-user-token"],
            method: "POST",
            target: "/api/auth.test",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"ok":true,"url":"https://acme.slack.com/","team":"Acme","user":"deploybot"}"#,
                &[("X-OAuth-Scopes", "chat:write,users:read")],
            ),
            identity: Some("deploybot"),
            scopes: &["chat:write", "users:read"],
            // Slack answers 200 with ok:false for a revoked token.
            dead: (200, r#"{"ok":false,"error":"token_revoked"}"#),
        },
        Case {
            rules: &["stripe-secret-key", "stripe-restricted-key"],
            method: "GET",
            target: "/v1/account",
            auth: Auth::Basic("{s}", ""),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"id":"acct_1Nv0FGQ9RKHgCVdK","object":"account"}"#,
                NONE,
            ),
            identity: Some("acct_1Nv0FGQ9RKHgCVdK"),
            scopes: &[],
            dead: (
                401,
                r#"{"error":{"type":"invalid_request_error","message":"Invalid API Key provided"}}"#,
            ),
        },
        Case {
            rules: &[
                "openai-project-key",
                "openai-service-account-key",
                "openai-user-key",
            ],
            method: "GET",
            target: "/v1/models",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"object":"list","data":[{"id":"gpt-4o","object":"model"}]}"#,
                NONE,
            ),
            identity: None,
            scopes: &[],
            dead: (401, r#"{"error":{"code":"invalid_api_key"}}"#),
        },
        Case {
            rules: &["openai-admin-key"],
            method: "GET",
            target: "/v1/organization/users?limit=1",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (200, r#"{"object":"list","data":[]}"#, NONE),
            identity: None,
            scopes: &[],
            dead: (401, r#"{"error":{"code":"invalid_api_key"}}"#),
        },
        Case {
            rules: &["anthropic-api-key"],
            method: "GET",
            target: "/v1/models",
            auth: Auth::Header("x-api-key", ""),
            headers: &[("anthropic-version", "2023-06-01")],
            body: None,
            live: (
                200,
                r#"{"data":[{"id":"claude-sonnet-4-5","type":"model"}],"has_more":false}"#,
                NONE,
            ),
            identity: None,
            scopes: &[],
            dead: (
                401,
                r#"{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}"#,
            ),
        },
        Case {
            rules: &["anthropic-admin-key"],
            method: "GET",
            target: "/v1/organizations/users?limit=1",
            auth: Auth::Header("x-api-key", ""),
            headers: &[("anthropic-version", "2023-06-01")],
            body: None,
            live: (200, r#"{"data":[],"has_more":false}"#, NONE),
            identity: None,
            scopes: &[],
            dead: (
                401,
                r#"{"type":"error","error":{"type":"authentication_error"}}"#,
            ),
        },
        Case {
            rules: &["huggingface-token", "huggingface-org-token"],
            method: "GET",
            target: "/api/whoami-v2",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"type":"user","name":"ana","auth":{"type":"access_token","accessToken":{"displayName":"ci","role":"write"}}}"#,
                NONE,
            ),
            identity: Some("ana"),
            scopes: &["write"],
            dead: (
                401,
                r#"{"error":"Invalid credentials in Authorization header"}"#,
            ),
        },
        Case {
            rules: &["npm-access-token"],
            method: "GET",
            target: "/-/whoami",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (200, r#"{"username":"ana"}"#, NONE),
            identity: Some("ana"),
            scopes: &[],
            dead: (401, r#"{"error":"Unauthorized"}"#),
        },
        Case {
            rules: &["sendgrid-api-key"],
            method: "GET",
            target: "/v3/scopes",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (200, r#"{"scopes":["mail.send","user.profile.read"]}"#, NONE),
            identity: None,
            scopes: &["mail.send", "user.profile.read"],
            dead: (
                401,
                r#"{"errors":[{"field":null,"message":"The provided authorization grant is invalid, expired, or revoked"}]}"#,
            ),
        },
        Case {
            rules: &["digitalocean-pat", "digitalocean-oauth-token"],
            method: "GET",
            target: "/v2/account",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"account":{"email":"ana@example.com","status":"active"}}"#,
                NONE,
            ),
            identity: Some("ana@example.com"),
            scopes: &[],
            dead: (
                401,
                r#"{"id":"Unauthorized","message":"Unable to authenticate you"}"#,
            ),
        },
        Case {
            rules: &["mapbox-secret-token", "mapbox-temporary-token"],
            method: "GET",
            target: "/tokens/v2?access_token={s}",
            auth: Auth::InPath,
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"code":"TokenValid","token":{"usage":"sk","user":"acme-maps","client":"api"}}"#,
                NONE,
            ),
            identity: Some("acme-maps"),
            scopes: &[],
            dead: (401, r#"{"code":"TokenRevoked"}"#),
        },
        Case {
            rules: &["linode-token"],
            method: "GET",
            target: "/v4/profile",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"username":"example-user","restricted":false}"#,
                NONE,
            ),
            identity: Some("example-user"),
            scopes: &[],
            dead: (401, r#"{"errors":[{"reason":"Invalid Token"}]}"#),
        },
        Case {
            rules: &["hetzner-cloud-token"],
            method: "GET",
            target: "/v1/servers?per_page=1",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"servers":[],"meta":{"pagination":{"page":1}}}"#,
                NONE,
            ),
            identity: None,
            scopes: &[],
            dead: (
                401,
                r#"{"error":{"code":"unauthorized","message":"unable to authenticate","details":{}}}"#,
            ),
        },
        Case {
            rules: &["heroku-api-key", "heroku-api-key-legacy"],
            method: "GET",
            target: "/account",
            auth: Auth::Header("authorization", "Bearer "),
            headers: &[("accept", "application/vnd.heroku+json; version=3")],
            body: None,
            live: (
                200,
                r#"{"email":"ana@example.com","id":"01234567-89ab-cdef-0123-456789abcdef"}"#,
                NONE,
            ),
            identity: Some("ana@example.com"),
            scopes: &[],
            dead: (
                401,
                r#"{"id":"unauthorized","message":"Invalid credentials provided."}"#,
            ),
        },
        Case {
            rules: &["linear-api-key"],
            method: "POST",
            target: "/graphql",
            auth: Auth::Header("authorization", ""),
            headers: &[("content-type", "application/json")],
            body: Some("viewer"),
            live: (
                200,
                r#"{"data":{"viewer":{"id":"u-1","email":"ana@example.com"}}}"#,
                NONE,
            ),
            identity: Some("ana@example.com"),
            scopes: &[],
            dead: (
                400,
                r#"{"errors":[{"message":"Authentication required, not authenticated","extensions":{"code":"AUTHENTICATION_ERROR"}}]}"#,
            ),
        },
        Case {
            rules: &["linear-oauth-token"],
            method: "POST",
            target: "/graphql",
            auth: Auth::Header("authorization", "Bearer "),
            headers: &[("content-type", "application/json")],
            body: Some("viewer"),
            live: (
                200,
                r#"{"data":{"viewer":{"id":"u-1","email":"ana@example.com"}}}"#,
                NONE,
            ),
            identity: Some("ana@example.com"),
            scopes: &[],
            dead: (
                400,
                r#"{"errors":[{"extensions":{"code":"AUTHENTICATION_ERROR"}}]}"#,
            ),
        },
        Case {
            rules: &["postman-api-key"],
            method: "GET",
            target: "/me",
            auth: Auth::Header("x-api-key", ""),
            headers: NONE,
            body: None,
            live: (200, r#"{"user":{"id":1,"username":"ana"}}"#, NONE),
            identity: Some("ana"),
            scopes: &[],
            dead: (401, r#"{"error":{"name":"AuthenticationError"}}"#),
        },
        Case {
            rules: &["discord-bot-token"],
            method: "GET",
            target: "/api/v10/users/@me",
            auth: Auth::Header("authorization", "Bot "),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"id":"80351110224678912","username":"deploybot","bot":true}"#,
                NONE,
            ),
            identity: Some("deploybot"),
            scopes: &[],
            dead: (401, r#"{"message":"401: Unauthorized","code":0}"#),
        },
        Case {
            rules: &["telegram-bot-token"],
            method: "GET",
            target: "/bot{s}/getMe",
            auth: Auth::InPath,
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"ok":true,"result":{"id":1,"is_bot":true,"username":"deploy_bot"}}"#,
                NONE,
            ),
            identity: Some("deploy_bot"),
            scopes: &[],
            dead: (
                401,
                r#"{"ok":false,"error_code":401,"description":"Unauthorized"}"#,
            ),
        },
        Case {
            rules: &["doppler-personal-token", "doppler-service-token"],
            method: "GET",
            target: "/v3/me",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"name":"ci","type":"service_token","workplace":{"name":"Acme"}}"#,
                NONE,
            ),
            identity: Some("ci"),
            scopes: &[],
            dead: (
                401,
                r#"{"messages":["Invalid Auth token"],"success":false}"#,
            ),
        },
        Case {
            rules: &["sentry-user-token", "sentry-org-token"],
            method: "GET",
            target: "/api/0/",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"version":"0","auth":{"scopes":["project:read","org:read"]},"user":{"email":"ana@example.com"}}"#,
                NONE,
            ),
            identity: Some("ana@example.com"),
            scopes: &["project:read", "org:read"],
            dead: (401, r#"{"detail":"Invalid token"}"#),
        },
        Case {
            rules: &["cloudflare-api-token"],
            method: "GET",
            target: "/client/v4/user/tokens/verify",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"success":true,"result":{"id":"f267e341f3dd4697bd3b9f71dd96247f","status":"active"}}"#,
                NONE,
            ),
            identity: None,
            scopes: &[],
            dead: (
                401,
                r#"{"success":false,"errors":[{"code":1000,"message":"Invalid API Token"}]}"#,
            ),
        },
        Case {
            rules: &["pulumi-access-token"],
            method: "GET",
            target: "/api/user",
            auth: Auth::Header("authorization", "token "),
            headers: NONE,
            body: None,
            live: (200, r#"{"name":"Ana","githubLogin":"ana"}"#, NONE),
            identity: Some("ana"),
            scopes: &[],
            dead: (
                401,
                r#"{"code":401,"message":"Unauthorized: No credentials provided or are invalid."}"#,
            ),
        },
        Case {
            rules: &["terraform-cloud-token"],
            method: "GET",
            target: "/api/v2/account/details",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"data":{"id":"user-1","type":"users","attributes":{"username":"ana"}}}"#,
                NONE,
            ),
            identity: Some("ana"),
            scopes: &[],
            dead: (
                401,
                r#"{"errors":[{"status":"401","title":"unauthorized"}]}"#,
            ),
        },
        Case {
            rules: &["netlify-pat"],
            method: "GET",
            target: "/api/v1/user",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (200, r#"{"id":"1","email":"ana@example.com"}"#, NONE),
            identity: Some("ana@example.com"),
            scopes: &[],
            dead: (
                401,
                r#"{"code":401,"message":"Access Denied: Invalid token"}"#,
            ),
        },
        Case {
            rules: &["vercel-token"],
            method: "GET",
            target: "/v2/user",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (200, r#"{"user":{"id":"1","username":"ana"}}"#, NONE),
            identity: Some("ana"),
            scopes: &[],
            dead: (
                403,
                r#"{"error":{"code":"forbidden","message":"Not authorized","invalidToken":true}}"#,
            ),
        },
        Case {
            rules: &[
                "notion-integration-token",
                "notion-legacy-integration-token",
            ],
            method: "GET",
            target: "/v1/users/me",
            auth: Auth::Header("authorization", "Bearer "),
            headers: &[("notion-version", "2022-06-28")],
            body: None,
            live: (
                200,
                r#"{"object":"user","id":"1","name":"Sync bot","type":"bot"}"#,
                NONE,
            ),
            identity: Some("Sync bot"),
            scopes: &[],
            dead: (
                401,
                r#"{"object":"error","status":401,"code":"unauthorized"}"#,
            ),
        },
        Case {
            rules: &["airtable-pat"],
            method: "GET",
            target: "/v0/meta/whoami",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"id":"usrL2PNC5o3H4lBEi","email":"ana@example.com","scopes":["data.records:read"]}"#,
                NONE,
            ),
            identity: Some("ana@example.com"),
            scopes: &["data.records:read"],
            dead: (401, r#"{"error":{"type":"AUTHENTICATION_REQUIRED"}}"#),
        },
        Case {
            rules: &["asana-pat"],
            method: "GET",
            target: "/api/1.0/users/me",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"data":{"gid":"1","email":"ana@example.com"}}"#,
                NONE,
            ),
            identity: Some("ana@example.com"),
            scopes: &[],
            dead: (401, r#"{"errors":[{"message":"Not Authorized"}]}"#),
        },
        Case {
            rules: &["figma-pat"],
            method: "GET",
            target: "/v1/me",
            auth: Auth::Header("x-figma-token", ""),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"id":"1","email":"ana@example.com","handle":"ana"}"#,
                NONE,
            ),
            identity: Some("ana@example.com"),
            scopes: &[],
            dead: (403, r#"{"status":403,"err":"Invalid token"}"#),
        },
        Case {
            rules: &["datadog-api-key"],
            method: "GET",
            target: "/api/v1/validate",
            auth: Auth::Header("dd-api-key", ""),
            headers: NONE,
            body: None,
            live: (200, r#"{"valid":true}"#, NONE),
            identity: None,
            scopes: &[],
            dead: (403, r#"{"errors":["Forbidden"]}"#),
        },
        Case {
            rules: &["groq-api-key"],
            method: "GET",
            target: "/openai/v1/models",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (200, r#"{"object":"list","data":[]}"#, NONE),
            identity: None,
            scopes: &[],
            dead: (401, r#"{"error":{"code":"invalid_api_key"}}"#),
        },
        Case {
            rules: &["mistral-api-key"],
            method: "GET",
            target: "/v1/models",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (200, r#"{"object":"list","data":[]}"#, NONE),
            identity: None,
            scopes: &[],
            dead: (401, r#"{"message":"Unauthorized"}"#),
        },
        Case {
            rules: &["replicate-api-token"],
            method: "GET",
            target: "/v1/account",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (200, r#"{"type":"user","username":"ana"}"#, NONE),
            identity: Some("ana"),
            scopes: &[],
            dead: (
                401,
                r#"{"title":"Unauthenticated","detail":"You did not pass a valid authentication token","status":401}"#,
            ),
        },
        Case {
            rules: &["openrouter-api-key"],
            method: "GET",
            target: "/api/v1/key",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"data":{"label":"sk-or-v1-abc...xyz","usage":0}}"#,
                NONE,
            ),
            identity: None,
            scopes: &[],
            dead: (
                401,
                r#"{"error":{"code":401,"message":"No auth credentials found"}}"#,
            ),
        },
        Case {
            rules: &["circleci-personal-token"],
            method: "GET",
            target: "/api/v2/me",
            auth: Auth::Header("circle-token", ""),
            headers: NONE,
            body: None,
            live: (200, r#"{"id":"1","login":"ana","name":"Ana"}"#, NONE),
            identity: Some("ana"),
            scopes: &[],
            dead: (401, r#"{"message":"You must log in first."}"#),
        },
        Case {
            rules: &["buildkite-api-token"],
            method: "GET",
            target: "/v2/access-token",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"uuid":"1","scopes":["read_builds","read_user"]}"#,
                NONE,
            ),
            identity: None,
            scopes: &["read_builds", "read_user"],
            dead: (
                401,
                r#"{"message":"Authentication required. Please supply a valid API Access Token: https://buildkite.com/docs/apis/rest-api#authentication"}"#,
            ),
        },
        Case {
            rules: &["snyk-api-token"],
            method: "GET",
            target: "/v1/user/me",
            auth: Auth::Header("authorization", "token "),
            headers: NONE,
            body: None,
            live: (200, r#"{"id":"1","username":"ana"}"#, NONE),
            identity: Some("ana"),
            scopes: &[],
            dead: (401, r#"{"code":401,"error":"Invalid auth token provided"}"#),
        },
        Case {
            rules: &["dropbox-access-token"],
            method: "POST",
            target: "/2/users/get_current_account",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"account_id":"dbid:1","email":"ana@example.com"}"#,
                NONE,
            ),
            identity: Some("ana@example.com"),
            scopes: &[],
            dead: (
                401,
                r#"{"error_summary":"invalid_access_token/","error":{".tag":"invalid_access_token"}}"#,
            ),
        },
        Case {
            rules: &["pagerduty-api-key"],
            method: "GET",
            target: "/abilities",
            auth: Auth::Header("authorization", "Token token="),
            headers: NONE,
            body: None,
            live: (200, r#"{"abilities":["teams","read_only_users"]}"#, NONE),
            identity: None,
            scopes: &[],
            dead: (
                401,
                r#"{"error":{"message":"Invalid Input Provided","code":2001}}"#,
            ),
        },
        Case {
            rules: &["launchdarkly-access-token"],
            method: "GET",
            target: "/api/v2/caller-identity",
            auth: Auth::Header("authorization", ""),
            headers: NONE,
            body: None,
            live: (200, r#"{"accountId":"1","tokenName":"ci-reader"}"#, NONE),
            identity: Some("ci-reader"),
            scopes: &[],
            dead: (
                401,
                r#"{"code":"unauthorized","message":"Invalid access token"}"#,
            ),
        },
        Case {
            rules: &["square-access-token"],
            method: "GET",
            target: "/v2/merchants/me",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"merchant":{"id":"M1","business_name":"Acme Coffee"}}"#,
                NONE,
            ),
            identity: Some("Acme Coffee"),
            scopes: &[],
            dead: (
                401,
                r#"{"errors":[{"category":"AUTHENTICATION_ERROR","code":"UNAUTHORIZED"}]}"#,
            ),
        },
        Case {
            rules: &["honeycomb-api-key"],
            method: "GET",
            target: "/1/auth",
            auth: Auth::Header("x-honeycomb-team", ""),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"id":"1","team":{"name":"Acme","slug":"acme"}}"#,
                NONE,
            ),
            identity: Some("acme"),
            scopes: &[],
            dead: (
                401,
                r#"{"error":"unknown API key - check your credentials"}"#,
            ),
        },
        Case {
            rules: &["sonarcloud-token"],
            method: "GET",
            target: "/api/authentication/validate",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (200, r#"{"valid":true}"#, NONE),
            identity: None,
            scopes: &[],
            dead: (200, r#"{"valid":false}"#),
        },
        Case {
            rules: &["contentful-pat"],
            method: "GET",
            target: "/users/me",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (200, r#"{"sys":{"id":"1"},"email":"ana@example.com"}"#, NONE),
            identity: Some("ana@example.com"),
            scopes: &[],
            dead: (401, r#"{"sys":{"id":"AccessTokenInvalid"}}"#),
        },
        Case {
            rules: &["intercom-access-token"],
            method: "GET",
            target: "/me",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"type":"admin","id":"1","email":"ana@example.com"}"#,
                NONE,
            ),
            identity: Some("ana@example.com"),
            scopes: &[],
            dead: (
                401,
                r#"{"type":"error.list","errors":[{"code":"unauthorized"}]}"#,
            ),
        },
        Case {
            rules: &["hubspot-private-app-token"],
            method: "GET",
            target: "/account-info/v3/details",
            auth: Auth::Header("authorization", "Bearer "),
            headers: NONE,
            body: None,
            live: (200, r#"{"portalId":62515,"accountType":"STANDARD"}"#, NONE),
            identity: Some("62515"),
            scopes: &[],
            dead: (
                401,
                r#"{"status":"error","category":"INVALID_AUTHENTICATION"}"#,
            ),
        },
        Case {
            rules: &["brevo-api-key"],
            method: "GET",
            target: "/v3/account",
            auth: Auth::Header("api-key", ""),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"email":"ana@example.com","companyName":"Acme"}"#,
                NONE,
            ),
            identity: Some("ana@example.com"),
            scopes: &[],
            dead: (401, r#"{"code":"unauthorized","message":"Key not found"}"#),
        },
        Case {
            rules: &["postmark-server-token"],
            method: "GET",
            target: "/server",
            auth: Auth::Header("x-postmark-server-token", ""),
            headers: NONE,
            body: None,
            live: (200, r#"{"ID":1,"Name":"Production"}"#, NONE),
            identity: Some("Production"),
            scopes: &[],
            dead: (
                401,
                r#"{"ErrorCode":10,"Message":"No Account or Server API tokens were supplied"}"#,
            ),
        },
        Case {
            rules: &["postmark-account-token"],
            method: "GET",
            target: "/servers?count=1&offset=0",
            auth: Auth::Header("x-postmark-account-token", ""),
            headers: NONE,
            body: None,
            live: (200, r#"{"TotalCount":1,"Servers":[]}"#, NONE),
            identity: None,
            scopes: &[],
            dead: (401, r#"{"ErrorCode":10}"#),
        },
        Case {
            rules: &["mailgun-api-key"],
            method: "GET",
            target: "/v3/domains?limit=1",
            auth: Auth::Basic("api", "{s}"),
            headers: NONE,
            body: None,
            live: (200, r#"{"total_count":1,"items":[]}"#, NONE),
            identity: None,
            scopes: &[],
            dead: (401, r#"{"message":"Invalid private key"}"#),
        },
        Case {
            rules: &["mailchimp-api-key"],
            method: "GET",
            target: "/3.0/ping",
            auth: Auth::Basic("leakgate", "{s}"),
            headers: NONE,
            body: None,
            live: (200, r#"{"health_status":"Everything's Chimpy!"}"#, NONE),
            identity: None,
            scopes: &[],
            dead: (401, r#"{"title":"API Key Invalid","status":401}"#),
        },
        Case {
            rules: &[
                "shopify-access-token",
                "shopify-custom-app-token",
                "shopify-private-app-token",
            ],
            method: "GET",
            target: "/admin/api/2024-10/shop.json",
            auth: Auth::Header("x-shopify-access-token", ""),
            headers: NONE,
            body: None,
            live: (
                200,
                r#"{"shop":{"id":1,"myshopify_domain":"acme.myshopify.com"}}"#,
                NONE,
            ),
            identity: Some("acme.myshopify.com"),
            scopes: &[],
            dead: (
                401,
                r#"{"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}"#,
            ),
        },
        Case {
            rules: &["crates-io-token"],
            method: "GET",
            target: "/api/v1/me",
            auth: Auth::Header("authorization", ""),
            headers: NONE,
            body: None,
            live: (200, r#"{"user":{"id":1,"login":"ana"}}"#, NONE),
            identity: Some("ana"),
            scopes: &[],
            dead: (403, r#"{"errors":[{"detail":"authentication failed"}]}"#),
        },
        Case {
            rules: &["shippo-api-token"],
            method: "GET",
            target: "/addresses?results=1",
            auth: Auth::Header("authorization", "ShippoToken "),
            headers: NONE,
            body: None,
            live: (200, r#"{"count":0,"results":[]}"#, NONE),
            identity: None,
            scopes: &[],
            dead: (401, r#"{"detail":"Invalid token."}"#),
        },
    ]
}

/// The secret in a rule's first example, as the scanner finds it.
fn example_secret(rule: &Rule) -> String {
    let spec = rule.spec.clone();
    let alone = Rule::from_spec(spec, &rule.origin, true).unwrap();
    let example = rule.spec.examples[0].clone();
    let scanner = Scanner::new(RuleSet { rules: vec![alone] });
    let path = rule.spec.path_examples.first().map(|p| p.as_str());
    let found = scanner.scan(path, example.as_bytes());
    found
        .first()
        .unwrap_or_else(|| panic!("{}: its first example has no match", rule.id))
        .secret
        .expose()
        .to_string()
}

fn endpoint_name(rule: &Rule) -> String {
    rule.verify().unwrap().endpoint.clone()
}

fn check_request(case: &Case, rule: &str, secret: &str, seen: &Recorded) {
    assert_eq!(seen.method, case.method, "{rule}: method");
    let encoded: String =
        percent_encoding::utf8_percent_encode(secret, percent_encoding::NON_ALPHANUMERIC)
            .to_string();
    let target_ok = seen.target == case.target.replace("{s}", secret)
        || seen.target == case.target.replace("{s}", &encoded);
    assert!(
        target_ok,
        "{rule}: target {}",
        seen.target.replace(secret, "<secret>")
    );
    match case.auth {
        Auth::Header(name, prefix) => {
            let expected = format!("{prefix}{secret}");
            assert!(
                seen.header(name) == Some(expected.as_str()),
                "{rule}: header {name} does not carry the secret as `{prefix}<secret>`"
            );
        }
        Auth::Basic(user, password) => {
            let pair = format!(
                "{}:{}",
                user.replace("{s}", secret),
                password.replace("{s}", secret)
            );
            let expected = format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(pair)
            );
            assert!(
                seen.header("authorization") == Some(expected.as_str()),
                "{rule}: basic auth"
            );
        }
        Auth::InPath => {}
    }
    for (name, value) in case.headers {
        assert_eq!(seen.header(name), Some(*value), "{rule}: header {name}");
    }
    if let Some(fragment) = case.body {
        assert!(seen.body_text().contains(fragment), "{rule}: body");
    }
}

/// How many requests the rule's verifier may send.
fn attempts(rule: &Rule) -> usize {
    match rule.verify().map(|plan| &plan.check) {
        Some(Check::Http(http)) => http.attempts.len(),
        Some(Check::Builtin(_)) => 2,
        None => 0,
    }
}

fn reply(status: u16, body: &str, headers: &[(&str, &str)]) -> Reply {
    let mut reply = Reply::json(status, body);
    for (name, value) in headers {
        reply = reply.header(name, value);
    }
    reply
}

#[test]
fn every_provider_verifier_reads_live_dead_and_error_answers() {
    let rules = RuleSet::builtin().unwrap();
    for case in cases() {
        for rule_id in case.rules {
            let rule = rules
                .get(rule_id)
                .unwrap_or_else(|| panic!("no built-in rule `{rule_id}`"));
            assert!(rule.verify().is_some(), "{rule_id} has no verify table");
            let secret = example_secret(rule);
            let endpoint = endpoint_name(rule);
            let outcomes = [
                (
                    reply(case.live.0, case.live.1, case.live.2),
                    VerifyStatus::Live,
                ),
                (reply(case.dead.0, case.dead.1, &[]), VerifyStatus::Dead),
                (
                    Reply::json(503, r#"{"error":"unavailable"}"#),
                    VerifyStatus::Unknown,
                ),
            ];
            for (answer, expected) in outcomes {
                let server = TestServer::start(move |_| answer.clone());
                let verifier = VerifierBuilder::new()
                    .endpoint(endpoint.clone(), server.url())
                    .timeout(Duration::from_secs(30))
                    .build();
                let verdict = verifier.verify(rule, &Secret::new(secret.clone()));
                assert_eq!(
                    verdict.status, expected,
                    "{rule_id}: expected {expected:?}: {}",
                    verdict.detail
                );
                assert!(
                    !verdict.detail.contains(&secret),
                    "{rule_id}: secret in detail"
                );
                let seen = server.requests();
                // One request per attempt at most (Postmark tries both token headers before
                // calling a token dead); the first is the rule's own.
                assert!(
                    !seen.is_empty() && seen.len() <= attempts(rule),
                    "{rule_id}: {} requests",
                    seen.len()
                );
                check_request(&case, rule_id, &secret, &seen[0]);
                if expected == VerifyStatus::Live {
                    if let Some(who) = case.identity {
                        assert!(
                            verdict.detail.contains(who),
                            "{rule_id}: {}",
                            verdict.detail
                        );
                    }
                    assert_eq!(verdict.scopes, case.scopes, "{rule_id}: scopes");
                }
            }
        }
    }
}

#[test]
fn every_built_in_verify_table_is_tested_here() {
    let rules = RuleSet::builtin().unwrap();
    let with_tables: BTreeSet<&str> = rules
        .rules
        .iter()
        .filter(|r| r.verify().is_some())
        .map(|r| r.id.as_ref())
        .collect();
    let mut tested: BTreeSet<&str> = cases()
        .iter()
        .flat_map(|c| c.rules.iter().copied())
        .collect();
    // Two-part credentials are tested in verify_multipart.rs.
    tested.extend([
        "speckle-token",
        "spell-token",
        "aws-secret-access-key",
        "aws-session-token",
        "azure-storage-account-key",
        "twilio-auth-token",
        "twilio-api-key-secret",
        "atlassian-api-token",
    ]);
    let untested: Vec<_> = with_tables.difference(&tested).collect();
    assert!(
        untested.is_empty(),
        "verify tables without a test: {untested:?}"
    );
    assert!(with_tables.len() >= 20, "{} verifiers", with_tables.len());
    for rule in rules.rules.iter().filter(|r| r.verify().is_some()) {
        assert!(
            rule.spec.verify.as_ref().unwrap().endpoint.is_some(),
            "{}: every verify table names its endpoint",
            rule.id
        );
    }
}

#[test]
fn slack_ok_false_with_an_unexpected_error_is_unknown_not_dead() {
    let rules = RuleSet::builtin().unwrap();
    let rule = rules.get("slack-bot-token").unwrap();
    let secret = example_secret(rule);
    let server = TestServer::start(|_| Reply::json(200, r#"{"ok":false,"error":"fatal_error"}"#));
    let verifier = VerifierBuilder::new()
        .endpoint("slack", server.url())
        .build();
    let verdict = verifier.verify(rule, &Secret::new(secret));
    assert_eq!(verdict.status, VerifyStatus::Unknown, "{}", verdict.detail);
}

/// A Speckle server: answers the identity query by `identity`, the scopes query with the
/// token's own entry when `scopes_readable`.
fn speckle_server(identity: Reply, token_id: String, scopes_readable: bool) -> TestServer {
    TestServer::start(move |request| {
        let query = request.json()["query"].as_str().unwrap_or("").to_string();
        if query.contains("apiTokens") {
            if scopes_readable {
                Reply::json(
                    200,
                    &format!(
                        r#"{{"data":{{"activeUser":{{"apiTokens":[{{"id":"0000000000","scopes":["nope"]}},{{"id":"{token_id}","scopes":["streams:read","profile:read"]}}]}}}}}}"#
                    ),
                )
            } else {
                Reply::json(
                    200,
                    r#"{"errors":[{"message":"Your auth token does not have the required scope: tokens:read.","extensions":{"code":"FORBIDDEN"}}],"data":{"activeUser":null}}"#,
                )
            }
        } else {
            identity.clone()
        }
    })
}

#[test]
fn speckle_is_verified_with_graphql_and_reports_scopes() {
    let rules = RuleSet::builtin().unwrap();
    let rule = rules.get("speckle-token").expect("speckle-token rule");
    assert_eq!(endpoint_name(rule), "speckle");
    let secret = example_secret(rule);
    let token_id: String = secret.chars().take(10).collect();
    let verify_with = |server: &TestServer| {
        VerifierBuilder::new()
            .endpoint("speckle", server.url())
            .build()
            .verify(rule, &Secret::new(secret.clone()))
    };

    // Live, with profile:read and tokens:read: the user and the token's own scopes.
    let server = speckle_server(
        Reply::json(200, r#"{"data":{"activeUser":{"id":"3f1a2b"}}}"#),
        token_id.clone(),
        true,
    );
    let verdict = verify_with(&server);
    assert_eq!(verdict.status, VerifyStatus::Live, "{}", verdict.detail);
    assert!(verdict.detail.contains("3f1a2b"), "{}", verdict.detail);
    assert_eq!(verdict.scopes, vec!["streams:read", "profile:read"]);
    let seen = server.requests();
    assert_eq!(seen.len(), 2);
    for request in &seen {
        assert_eq!(request.method, "POST");
        assert_eq!(request.target, "/graphql");
        assert_eq!(
            request.header("authorization"),
            Some(format!("Bearer {secret}").as_str())
        );
        assert!(request
            .header("content-type")
            .is_some_and(|t| t.contains("application/json")));
    }
    assert!(seen[0].json()["query"]
        .as_str()
        .unwrap()
        .contains("activeUser { id }"));
    assert!(seen[1].json()["query"]
        .as_str()
        .unwrap()
        .contains("apiTokens { id scopes }"));

    // Live without profile:read: activeUser is null, or a FORBIDDEN error.
    for identity in [
        Reply::json(200, r#"{"data":{"activeUser":null}}"#),
        Reply::json(
            200,
            r#"{"errors":[{"message":"Your auth token does not have the required scope: profile:read.","extensions":{"code":"FORBIDDEN"}}],"data":{"activeUser":null}}"#,
        ),
        Reply::json(
            200,
            r#"{"errors":[{"message":"forbidden","extensions":{"code":"FORBIDDEN"}}],"data":null}"#,
        ),
    ] {
        let server = speckle_server(identity, token_id.clone(), false);
        let verdict = verify_with(&server);
        assert_eq!(verdict.status, VerifyStatus::Live, "{}", verdict.detail);
        assert!(verdict.scopes.is_empty());
        assert!(
            verdict.detail.contains("not readable"),
            "{}",
            verdict.detail
        );
    }

    // Revoked or invalid: 403.
    let server = speckle_server(
        Reply::json(403, r#"{"error":"Your token is not valid."}"#),
        token_id.clone(),
        false,
    );
    let verdict = verify_with(&server);
    assert_eq!(verdict.status, VerifyStatus::Dead, "{}", verdict.detail);
    assert_eq!(
        server.request_count(),
        1,
        "no scopes query for a dead token"
    );

    // Server trouble: unknown.
    for trouble in [
        Reply::json(502, "{}"),
        Reply::json(429, "{}"),
        Reply::text(200, "text/html", "<html>maintenance</html>"),
    ] {
        let server = speckle_server(trouble, token_id.clone(), false);
        assert_eq!(verify_with(&server).status, VerifyStatus::Unknown);
    }
}

#[test]
fn spell_answers_unknown_without_a_request() {
    let rules = RuleSet::builtin().unwrap();
    let rule = rules.get("spell-token").expect("spell-token rule");
    let secret = example_secret(rule);
    let server = TestServer::start(|_| Reply::json(200, "{}"));
    let verdict = VerifierBuilder::new()
        .endpoint("spell", server.url())
        .build()
        .verify(rule, &Secret::new(secret));
    assert_eq!(verdict.status, VerifyStatus::Unknown);
    assert!(
        verdict
            .detail
            .contains("the service was retired after its 2022 acquisition"),
        "{}",
        verdict.detail
    );
    assert_eq!(server.connection_count(), 0);
}
