//! A tuning set sampled from real public code (issue 13, session 11, branch `recall11`): the
//! blind real-code sets read 0.86-0.88 where the issue asks 0.95, and their summaries point at
//! generic passwords and API keys in Markdown setup guides, Python (settings modules, scripts,
//! notebooks, SDK calls), YAML, shell and `.env` samples, and at a few forms the earlier sets
//! showed weak (values split over lines, `secret_id` beside concatenated URLs, 16 lowercase
//! letters under `*_TOKEN`, base64 `auth:` keys, nginx `Authorization "Basic ..."`, Yarn
//! `npmAuthIdent`, Maven `sonar.login`). Unlike `heldout_real4`, this set is a TUNING set:
//! it is read, and the engine is fixed in general form from its misses. It is not a measure of
//! unseen code; the blind sets (`heldout_real5`, `heldout_real6`) stay that.
//!
//! # Procedure (fixed and committed before sampling)
//!
//! `heldout_real4`'s procedure, labels and measure (shared harness `blind_harness`), with
//! these queries, none of them a query of `heldout_real`..`heldout_real5`:
//!
//! 1. Stage 1 queries (exact strings, case-insensitive, `find_string` with context 300), in
//!    this order, the first 4 usable excerpts of each whatever their label:
//!    `EMAIL_HOST_PASSWORD`, `'PASSWORD': '`, `genai.configure(api_key=`, `praw.Reddit(`,
//!    `HTTPBasicAuth(`, `cp .env.example .env`, `default password`, `NEXTAUTH_SECRET=`,
//!    `SMTP_PASSWORD=`, `bind_password`, `api_token:`, `-H "apikey:`, `&appid=`,
//!    `npmAuthIdent`, `sonar.login`, `proxy_set_header Authorization`, `"auths": {`,
//!    `secret_id`. Cases are named `q<query>.<case>`.
//! 2. Stage 2 queries (positives only, the first 3 excerpts holding a literal credential by
//!    the labelling rules), in this order: `授权码`, `EMAIL_HOST_PASSWORD = '`,
//!    `genai.configure(api_key="`, `api_key=\"` (the backslash is literal: notebook JSON),
//!    `APIKEY = "`, `npmAuthIdent: "`, `sonar.login=`, `Authorization "Basic `, `"auth": "`,
//!    `secret_id = "`, `_TOKEN = '`, `"Authorization": "Basic `, `SMTP_PASS=`, `passwd="`,
//!    `DB_PASS = '`, `api_key: "`. Cases are named `p<query>.<case>`.
//! 2b. Added after stages 1 and 2 gave 98 cases (36 positives), fixed here before any of
//!    them was sent: stage 1 queries `Default credentials`, `db_password:`,
//!    `DATABASE_PASSWORD=`, `"api_key":` (first 4 usable excerpts each), and stage 2 queries
//!    `password: '`, `export PASSWORD=`, `api_key = '`, `ADMIN_PASSWORD=`,
//!    `spring.datasource.password=`, `REDIS_PASSWORD=` (first 3 positives each).
//! 3. Trimming, placeholders, labels and the one-value-per-case rule are `heldout_real4`'s
//!    (steps 3 and 4 of its procedure). Values are generated at run time.
