//! AWS Signature Version 4, the small part the AWS verifier needs: sign one request's
//! method, path, (empty) query, headers and body with an access key id and secret access key
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html>).
//!
//! Written here rather than taken from the AWS SDK's `aws-sigv4` crate, which pulls in the
//! SDK's runtime crates for one HMAC chain. Tested against the examples AWS publishes
//! (the S3 header-authentication example and the Signature Version 4 test suite's
//! `get-vanilla` case).

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

type HmacSha256 = Hmac<Sha256>;

/// What a signature is computed over.
pub struct Signing<'a> {
    pub method: &'a str,
    /// The URI path, already canonical (`/`).
    pub path: &'a str,
    /// The canonical query string (empty for a POSTed form).
    pub query: &'a str,
    /// Header names and values; names are lower-cased and sorted here.
    pub headers: &'a [(&'a str, &'a str)],
    pub body: &'a [u8],
    /// `YYYYMMDDTHHMMSSZ`.
    pub amz_date: &'a str,
    pub region: &'a str,
    pub service: &'a str,
}

/// The signature's parts, for the `Authorization` header.
#[derive(Debug, PartialEq, Eq)]
pub struct Signed {
    /// `YYYYMMDD/region/service/aws4_request`.
    pub scope: String,
    /// `content-type;host;x-amz-date`.
    pub signed_headers: String,
    /// Lowercase hex.
    pub signature: String,
}

impl Signed {
    /// The `Authorization` header value for `access_key_id`.
    pub fn authorization(&self, access_key_id: &str) -> String {
        format!(
            "AWS4-HMAC-SHA256 Credential={access_key_id}/{}, SignedHeaders={}, Signature={}",
            self.scope, self.signed_headers, self.signature
        )
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn hmac(key: &[u8], data: &[u8]) -> Vec<u8> {
    // HMAC takes a key of any length: `new_from_slice` cannot fail.
    let mut mac = HmacSha256::new_from_slice(key).expect("HMAC accepts any key length");
    mac.update(data);
    mac.finalize().into_bytes().to_vec()
}

/// The canonical request (step 1 of the signing process).
pub fn canonical_request(req: &Signing<'_>) -> (String, String) {
    let mut headers: Vec<(String, String)> = req
        .headers
        .iter()
        .map(|(name, value)| {
            let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
            (name.to_ascii_lowercase(), value)
        })
        .collect();
    headers.sort();
    let canonical_headers: String = headers
        .iter()
        .map(|(name, value)| format!("{name}:{value}\n"))
        .collect();
    let signed_headers = headers
        .iter()
        .map(|(name, _)| name.as_str())
        .collect::<Vec<_>>()
        .join(";");
    let canonical = format!(
        "{}\n{}\n{}\n{canonical_headers}\n{signed_headers}\n{}",
        req.method,
        req.path,
        req.query,
        hex(&Sha256::digest(req.body))
    );
    (canonical, signed_headers)
}

/// Signs `req` with `secret_access_key`.
pub fn sign(req: &Signing<'_>, secret_access_key: &str) -> Signed {
    let (canonical, signed_headers) = canonical_request(req);
    let day = &req.amz_date[..req.amz_date.len().min(8)];
    let scope = format!("{day}/{}/{}/aws4_request", req.region, req.service);
    let string_to_sign = format!(
        "AWS4-HMAC-SHA256\n{}\n{scope}\n{}",
        req.amz_date,
        hex(&Sha256::digest(canonical.as_bytes()))
    );
    let key = hmac(
        format!("AWS4{secret_access_key}").as_bytes(),
        day.as_bytes(),
    );
    let key = hmac(&key, req.region.as_bytes());
    let key = hmac(&key, req.service.as_bytes());
    let key = hmac(&key, b"aws4_request");
    Signed {
        scope,
        signed_headers,
        signature: hex(&hmac(&key, string_to_sign.as_bytes())),
    }
}

/// A UTC time's parts: year, month, day, hour, minute, second and weekday (0 = Sunday).
pub fn utc_parts(unix_seconds: u64) -> (i64, i64, i64, u64, u64, u64, i64) {
    let days = (unix_seconds / 86_400) as i64;
    let secs = unix_seconds % 86_400;
    // Civil date from days since 1970-01-01 (proleptic Gregorian calendar).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    // 1970-01-01 was a Thursday.
    let weekday = (days + 4).rem_euclid(7);
    (
        year,
        month,
        day,
        secs / 3600,
        secs / 60 % 60,
        secs % 60,
        weekday,
    )
}

/// `YYYYMMDDTHHMMSSZ` for a time in seconds since the Unix epoch (UTC).
pub fn amz_date(unix_seconds: u64) -> String {
    let (year, month, day, hour, minute, second, _) = utc_parts(unix_seconds);
    format!("{year:04}{month:02}{day:02}T{hour:02}{minute:02}{second:02}Z")
}

#[cfg(test)]
mod tests {
    use super::*;

    // The example credentials AWS publishes for its signing examples.
    const SUITE_KEY_ID: &str = "AKIDEXAMPLE";
    const SUITE_SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    #[test]
    fn signs_the_s3_header_authentication_example() {
        // https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
        // ("Example: GET Object").
        let empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        let req = Signing {
            method: "GET",
            path: "/test.txt",
            query: "",
            headers: &[
                ("Host", "examplebucket.s3.amazonaws.com"),
                ("Range", "bytes=0-9"),
                ("x-amz-content-sha256", empty),
                ("x-amz-date", "20130524T000000Z"),
            ],
            body: b"",
            amz_date: "20130524T000000Z",
            region: "us-east-1",
            service: "s3",
        };
        let (canonical, _) = canonical_request(&req);
        assert_eq!(
            hex(&Sha256::digest(canonical.as_bytes())),
            "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972"
        );
        let signed = sign(&req, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        assert_eq!(
            signed.signed_headers,
            "host;range;x-amz-content-sha256;x-amz-date"
        );
        assert_eq!(
            signed.signature,
            "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"
        );
    }

    #[test]
    fn signs_the_test_suite_get_vanilla_case() {
        // Signature Version 4 test suite, get-vanilla.
        let req = Signing {
            method: "GET",
            path: "/",
            query: "",
            headers: &[
                ("Host", "example.amazonaws.com"),
                ("X-Amz-Date", "20150830T123600Z"),
            ],
            body: b"",
            amz_date: "20150830T123600Z",
            region: "us-east-1",
            service: "service",
        };
        let signed = sign(&req, SUITE_SECRET);
        assert_eq!(
            signed.authorization(SUITE_KEY_ID),
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"
        );
    }

    #[test]
    fn formats_the_request_time() {
        assert_eq!(amz_date(0), "19700101T000000Z");
        // 2015-08-30 12:36:00 UTC, the test suite's time.
        assert_eq!(amz_date(1_440_938_160), "20150830T123600Z");
        // A leap day.
        assert_eq!(amz_date(1_709_210_096), "20240229T123456Z");
    }
}
