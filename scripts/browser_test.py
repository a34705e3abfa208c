#!/usr/bin/env python3
"""The HTML report (`--format html`, issue 18 item 4) in a real browser.

Builds a git repository with more than 1,000 findings (tokens generated here at run time,
never committed), verifies them against a stand-in GitHub and Stripe API on 127.0.0.1 (so
the report holds live, dead and unknown secrets with scopes), writes the report with
`leakgate history --verify --format html`, and loads it in headless Chromium (Debian's
`chromium` + `chromium-driver`, driven by selenium). It checks that:

- the page renders every finding the JSON report holds, 500 rows at a time;
- each filter (rule, severity, verification status, repository when present), the search
  box and their combinations show exactly the rows the JSON report says they should;
- sorting by each column orders the rows;
- a hostile path, author and commit subject show as text: no alert, no <img>, no extra
  <script>;
- the page made no network request (Chrome's performance log of CDP Network events, with
  a proxy on a dead port as a second net, and a control page proving the log sees
  requests), and logged no error (a CSP violation would be one);
- a page of 10,000 findings stays quick.

With `--screenshot FILE` it instead writes a screenshot of a small sample report (fake,
redacted data) for the README.

Run by scripts/test-browser.sh, which installs nothing: scripts/test-deps.sh does.
"""

import argparse
import base64
import http.server
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import zlib

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
HOSTILE_PATH = "</script><img src=x onerror=alert(1)>"
HOSTILE_SUBJECT = "</script><script>alert(2)</script> fix & tidy"
HOSTILE_AUTHOR = "<img src=x onerror=alert(3)>"

failures = []
passes = []


def check(condition, message):
    """Records a check's outcome (and prints it) without stopping the run."""
    status = "ok  " if condition else "FAIL"
    print(f"{status} {message}", flush=True)
    (passes if condition else failures).append(message)


# ---------------------------------------------------------------- fake tokens


def base62(rng, n):
    return "".join(rng.choice(BASE62) for _ in range(n))


def crc_base62(body):
    value = zlib.crc32(body.encode())
    digits = []
    for _ in range(6):
        digits.append(BASE62[value % 62])
        value //= 62
    return "".join(reversed(digits))


def github_pat(rng):
    body = base62(rng, 30)
    return "ghp_" + body + crc_base62(body)


def github_fine_grained(rng):
    return "github_pat_" + base62(rng, 22) + "_" + base62(rng, 59)


def stripe_live(rng):
    return "sk" + "_live_" + base62(rng, 32)


def stripe_test(rng):
    return "sk" + "_test_" + base62(rng, 32)


def stripe_webhook(rng):
    return "whsec" + "_" + base62(rng, 32)


# (environment variable, generator), weighted by how often each appears.
TOKEN_KINDS = [
    ("GITHUB_TOKEN", github_pat),
    ("GITHUB_TOKEN", github_pat),
    ("GH_DEPLOY_TOKEN", github_fine_grained),
    ("STRIPE_SECRET_KEY", stripe_live),
    ("STRIPE_TEST_KEY", stripe_test),
    ("STRIPE_WEBHOOK_SECRET", stripe_webhook),
]


def verdict(secret):
    """What the stand-in issuer answers for a secret: live, dead or unknown (a 500)."""
    return ("live", "dead", "unknown")[zlib.crc32(secret.encode()) % 3]


# ---------------------------------------------------------------- stand-in issuers


class Issuer(http.server.BaseHTTPRequestHandler):
    """GitHub's GET /user and Stripe's GET /v1/account, answering as their docs show."""

    requests = 0

    def log_message(self, *args):
        pass

    def reply(self, status, body, headers=()):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        Issuer.requests += 1
        auth = self.headers.get("Authorization", "")
        if self.path == "/user" and auth.startswith("token "):
            secret = auth[len("token "):]
            answer = verdict(secret)
            if answer == "live":
                scopes = "repo, read:org" if secret.startswith("ghp_") else ""
                headers = [("X-OAuth-Scopes", scopes)] if scopes else []
                return self.reply(200, {"login": "octocat", "id": 1}, headers)
            if answer == "dead":
                return self.reply(401, {"message": "Bad credentials"})
        elif self.path == "/v1/account" and auth.startswith("Basic "):
            secret = base64.b64decode(auth[len("Basic "):]).decode().rstrip(":")
            answer = verdict(secret)
            if answer == "live":
                return self.reply(200, {"id": "acct_1Example", "object": "account"})
            if answer == "dead":
                return self.reply(401, {"error": {"message": "Invalid API Key provided"}})
        elif self.path == "/control.png":
            return self.reply(404, {})
        self.reply(500, {"error": "unavailable"})


def start_issuer():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Issuer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# ---------------------------------------------------------------- the repository


class Sandbox:
    """A temporary HOME and a git repository built with the real git."""

    def __init__(self, root):
        self.root = root
        self.home = os.path.join(root, "home")
        self.repo = os.path.join(root, "repo")
        os.makedirs(self.home)
        os.makedirs(self.repo)
        self.env = {
            "PATH": os.environ["PATH"],
            "HOME": self.home,
            "XDG_CONFIG_HOME": os.path.join(self.home, ".config"),
            "GIT_CONFIG_NOSYSTEM": "1",
            "LANG": "C.UTF-8",
            "NO_COLOR": "1",
        }
        self.git("init", "-q", "-b", "main")

    def git(self, *args, env=None):
        subprocess.run(
            ["git", "-c", "commit.gpgsign=false", *args],
            cwd=self.repo,
            env={**self.env, **(env or {})},
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def write(self, rel, text):
        path = os.path.join(self.repo, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)

    def commit(self, message, author, date):
        name, email = author
        self.git("add", "-A")
        self.git(
            "commit", "-q", "-m", message,
            env={
                "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email,
                "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email,
                "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
            },
        )


AUTHORS = [
    ("Ada Lovelace", "ada@example.org"),
    ("Grace Hopper", "grace@example.org"),
    ("Alan Turing", "alan@example.org"),
    (HOSTILE_AUTHOR, "mallory@example.org"),
]
SERVICES = ["billing", "checkout", "search", "notify", "auth", "reports", "ingest", "web"]


def build_history(sandbox, rng, commits, secrets_per_file, pool_size, hostile):
    """Commits, one a month from January 2024, each adding a service's config files that
    hold tokens drawn from a shared pool (so one secret has several places)."""
    pool = []
    for _ in range(pool_size):
        name, make = rng.choice(TOKEN_KINDS)
        pool.append((name, make(rng)))
    for i in range(commits):
        service = f"{SERVICES[i % len(SERVICES)]}-{i // len(SERVICES)}"
        picks = [rng.choice(pool) for _ in range(3 * secrets_per_file)]
        py = picks[:secrets_per_file]
        yaml = picks[secrets_per_file:2 * secrets_per_file]
        env = picks[2 * secrets_per_file:]
        sandbox.write(
            f"services/{service}/settings.py",
            "".join(f'{name}_{j} = "{value}"\n' for j, (name, value) in enumerate(py)),
        )
        sandbox.write(
            f"services/{service}/deploy.yaml",
            "env:\n" + "".join(
                f"  - name: {name}_{j}\n    value: {value}\n" for j, (name, value) in enumerate(yaml)
            ),
        )
        sandbox.write(
            f"services/{service}/.env",
            "".join(f"{name}_{j}={value}\n" for j, (name, value) in enumerate(env)),
        )
        month = i % 36
        date = f"{2024 + month // 12}-{month % 12 + 1:02d}-{rng.randint(1, 28):02d}T12:00:00Z"
        author = AUTHORS[i % 3]
        subject = f"{service}: configuration"
        if hostile and i == commits - 1:
            sandbox.write(HOSTILE_PATH, f"TOKEN={github_pat(rng)}\n")
            author = AUTHORS[3]
            subject = HOSTILE_SUBJECT
        sandbox.commit(subject, author, date)


def run_leakgate(leakgate, sandbox, args, config):
    run = subprocess.run(
        [leakgate, *args, "--config", config],
        cwd=sandbox.repo,
        env=sandbox.env,
        capture_output=True,
        text=True,
    )
    if run.returncode != 1:
        sys.exit(f"leakgate {' '.join(args)}: exit {run.returncode}, expected 1 (findings)\n{run.stderr}")
    return run


def write_config(root, port):
    config = os.path.join(root, "leakgate.toml")
    with open(config, "w") as f:
        f.write(
            "[verify]\n"
            f'endpoints = {{ github = "http://127.0.0.1:{port}", stripe = "http://127.0.0.1:{port}" }}\n'
            "timeout_ms = 10000\n"
        )
    return config


# ---------------------------------------------------------------- the browser


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def browser(width=1400, height=1000):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        f"--window-size={width},{height}",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        # A second net: anything that did try the network would meet a closed port.
        f"--proxy-server=http://127.0.0.1:{free_port()}",
    ]:
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    # The driver given by path: selenium never looks for (or downloads) one.
    service = Service(executable_path=CHROMEDRIVER)
    return webdriver.Chrome(service=service, options=options)


def network_requests(driver):
    """URLs of the requests in Chrome's performance log since the last call."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] in ("Network.requestWillBeSent", "Network.webSocketCreated"):
            urls.append(message["params"].get("request", {}).get("url") or message["params"].get("url"))
    return urls


def errors_logged(driver):
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def load(driver, path):
    started = time.monotonic()
    driver.get("file://" + path)
    WebDriverWait(driver, 60).until(
        lambda d: d.execute_script("return document.documentElement.dataset.ready === 'true'")
    )
    return time.monotonic() - started


def visible_rows(driver):
    return driver.execute_script(
        "return Array.prototype.filter.call(document.querySelectorAll('#rows tr'),"
        " function (tr) { return tr.offsetParent !== null; }).length"
    )


def count_text(driver):
    return driver.find_element(By.ID, "count").text


def wait_for_count(driver, expected_matches):
    """Waits until the count line says `expected_matches of …` and returns the seconds."""
    started = time.monotonic()
    prefix = f"{expected_matches} of "
    try:
        WebDriverWait(driver, 30).until(lambda d: count_text(d).startswith(prefix))
    except Exception:
        pass
    return time.monotonic() - started


def column(driver, index):
    """The text of column `index` of every row on the page."""
    return driver.execute_script(
        "var i = arguments[0]; return Array.prototype.map.call("
        "document.querySelectorAll('#rows tr'), function (tr) { return tr.children[i].textContent; })",
        index,
    )


def set_filters(driver, rule="", severity="", status="", repository="", search=""):
    for select_id, value in [
        ("filter-rule", rule),
        ("filter-severity", severity),
        ("filter-status", status),
        ("filter-repository", repository),
    ]:
        Select(driver.find_element(By.ID, select_id)).select_by_value(value)
    box = driver.find_element(By.ID, "search")
    box.clear()
    if search:
        box.send_keys(search)
    else:
        driver.execute_script("document.getElementById('search').dispatchEvent(new Event('input'))")


def status_of(finding, rules):
    if finding.get("verification"):
        return finding["verification"]["status"]
    return "unchecked" if rules.get(finding["rule"], {}).get("verify") else "none"


def repository_of(finding):
    return finding.get("repository") or (finding.get("commit") or {}).get("repository") or ""


def data_block(page):
    start = page.index('<script type="application/json" id="leakgate-data">')
    start = page.index(">", start) + 1
    return json.loads(page[start:page.index("</script>", start)])


# ---------------------------------------------------------------- the test


def test_report(leakgate, root):
    issuer = start_issuer()
    config = write_config(root, issuer.server_address[1])
    sandbox = Sandbox(os.path.join(root, "audit"))
    rng = random.Random(18)
    build_history(sandbox, rng, commits=48, secrets_per_file=8, pool_size=300, hostile=True)

    report = os.path.join(root, "report.html")
    run_leakgate(leakgate, sandbox, ["history", "--verify", "--format", "html", "--output", report], config)
    json_run = run_leakgate(leakgate, sandbox, ["history", "--verify", "--format", "json"], config)
    truth = json.loads(json_run.stdout)["findings"]
    page = open(report, encoding="utf-8").read()
    data = data_block(page)
    rules = data["rules"]
    total = len(truth)
    print(f"report: {total} findings, {len(page) / 1e6:.1f} MB, {Issuer.requests} verify requests")
    check(total >= 1000, f"at least 1,000 findings ({total})")
    check(len(data["findings"]) == total, "the page holds every finding of the JSON report")
    statuses = {status_of(f, rules) for f in truth}
    # `skipped`: --verify was given, and the rule has no verifier.
    check({"live", "dead", "unknown", "skipped"} <= statuses, f"live, dead, unknown and unverifiable findings ({sorted(statuses)})")

    def expected(rule="", severity="", status="", repository="", search=""):
        words = search.lower().split()
        n = 0
        for f, shown in zip(truth, data["findings"]):
            if rule and f["rule"] != rule:
                continue
            if severity and f.get("severity") != severity:
                continue
            if status and status_of(f, rules) != status:
                continue
            if repository and repository_of(f) != repository:
                continue
            text = json.dumps(shown, ensure_ascii=False).lower()
            if any(w not in text for w in words):
                continue
            n += 1
        return n

    driver = browser()
    try:
        network_requests(driver)  # drop anything from start-up
        seconds = load(driver, report)
        print(f"loaded and rendered in {seconds:.2f} s")
        check(seconds < 20, f"{total} findings render within 20 s ({seconds:.2f} s)")
        check(count_text(driver).startswith(f"{total} of {total} findings match"), f"count line: {count_text(driver)!r}")
        check(visible_rows(driver) == min(500, total), f"first page: {visible_rows(driver)} rows")
        driver.find_element(By.ID, "more").click()
        check(visible_rows(driver) == min(1000, total), f"after 'Show more': {visible_rows(driver)} rows")
        while driver.find_element(By.ID, "more").is_displayed():
            driver.find_element(By.ID, "more").click()
        check(visible_rows(driver) == total, f"every row can be shown ({visible_rows(driver)})")

        # Hostile text: shown as text, never run.
        try:
            driver.switch_to.alert
            check(False, "no alert")
        except NoAlertPresentException:
            check(True, "no alert")
        check(driver.execute_script("return document.images.length") == 0, "no <img> element")
        check(driver.execute_script("return document.scripts.length") == 2, "two <script> elements")
        set_filters(driver, search="onerror")
        wait_for_count(driver, expected(search="onerror"))
        place = column(driver, 3)
        check(any(HOSTILE_PATH in p for p in place), "the hostile path shows as text")
        check(any(HOSTILE_SUBJECT in p for p in place), "the hostile subject shows as text")

        # Filters, each alone and combined, against the JSON report.
        cases = [
            {"rule": "github-pat"},
            {"rule": "stripe-secret-key"},
            {"severity": "critical"},
            {"severity": "low"},
            {"status": "live"},
            {"status": "dead"},
            {"status": "unknown"},
            {"status": "skipped"},
            {"rule": "github-pat", "status": "live"},
            {"severity": "high", "status": "dead", "search": "settings.py"},
            {"search": "deploy.yaml"},
            {"search": "grace"},
            {"search": truth[0]["fingerprint"]},
            {"search": (truth[-1].get("commit") or {}).get("id", "")[:10]},
            {"search": "no-such-thing-anywhere"},
        ]
        repositories = {repository_of(f) for f in truth} - {""}
        for repository in sorted(repositories)[:2]:
            cases.append({"repository": repository})
        check(
            driver.find_element(By.ID, "filter-repository-label").is_displayed() == bool(repositories),
            "the repository filter shows only when findings name a repository",
        )
        for case in cases:
            want = expected(**case)
            set_filters(driver, **case)
            seconds = wait_for_count(driver, want)
            got = count_text(driver)
            check(
                got.startswith(f"{want} of {total} ") and visible_rows(driver) == min(500, want),
                f"filter {case}: {want} rows expected, page says {got!r} with {visible_rows(driver)} rows ({seconds:.2f} s)",
            )
            check(seconds < 5, f"filter {case} answers within 5 s ({seconds:.2f} s)")
        check(expected(status="live") > 0 and expected(search="no-such-thing-anywhere") == 0, "the cases are not all empty or all full")

        # Scopes of a live classic token are shown.
        set_filters(driver, rule="github-pat", status="live")
        wait_for_count(driver, expected(rule="github-pat", status="live"))
        check(all("repo" in v and "read:org" in v for v in column(driver, 5)), "live classic tokens show their scopes")
        check(all("github.com/settings/tokens" in v for v in column(driver, 6)), "each row says how to revoke")
        check(all("leakgate revoke --rule github-pat" in v for v in column(driver, 6)), "a live revocable token names the revoke command")
        set_filters(driver, rule="stripe-secret-key", status="live")
        wait_for_count(driver, expected(rule="stripe-secret-key", status="live"))
        check(not any("leakgate revoke" in v for v in column(driver, 6)), "no revoke command where the rule has no revoker")
        set_filters(driver, rule="github-pat", status="dead")
        wait_for_count(driver, expected(rule="github-pat", status="dead"))
        check(not any("leakgate revoke" in v for v in column(driver, 6)), "no revoke command for a dead token")
        set_filters(driver, rule="github-pat", status="live")
        wait_for_count(driver, expected(rule="github-pat", status="live"))
        links = driver.execute_script("return Array.prototype.map.call(document.querySelectorAll('#rows a'), function (a) { return a.href; })")
        check(links and all(l.startswith("https://github.com/") for l in links), "revoke links point at the issuer")

        # Sorting.
        driver.find_element(By.ID, "reset").click()
        wait_for_count(driver, total)
        severity_rank = {"critical": 0, "high": 1, "medium": 2, "low": 3}
        ranks = [severity_rank[s] for s in column(driver, 0)]
        check(ranks == sorted(ranks), "default order: most severe first")
        sort = lambda key: driver.find_element(By.CSS_SELECTOR, f"th button[data-sort='{key}']").click()
        sort("date")
        dates = column(driver, 4)
        check(dates == sorted(dates, reverse=True) and dates[0] > dates[-1], "Introduced: newest first")
        sort("date")
        dates = column(driver, 4)
        check(dates == sorted(dates), "Introduced again: oldest first")
        sort("rule")
        rule_ids = [r.split(" ")[0] for r in driver.execute_script(
            "return Array.prototype.map.call(document.querySelectorAll('#rows .rule-id'), function (e) { return e.textContent; })")]
        check(rule_ids == sorted(rule_ids), "Rule: a to z")
        def shown_findings():
            indexes = driver.execute_script(
                "return Array.prototype.map.call(document.querySelectorAll('#rows tr'), function (tr) { return +tr.dataset.index; })")
            return [data["findings"][i] for i in indexes]
        sort("place")
        keys = [(f.get("path") or "", f.get("line") or 0) for f in shown_findings()]
        check(keys == sorted(keys), "Place: by path, then line")
        sort("place")
        keys = [(f.get("path") or "", f.get("line") or 0) for f in shown_findings()]
        check(keys == sorted(keys, reverse=True), "Place again: reversed")
        sort("secret")
        secrets = [f.get("secret") or "" for f in shown_findings()]
        check(secrets == sorted(secrets), "Secret: a to z")
        sort("status")
        order = ["live", "unknown", "dead", "skipped", "not checked", "no verifier"]
        shown_status = [order.index(driver.execute_script("return arguments[0].querySelector('.status').textContent", tr))
                        for tr in driver.find_elements(By.CSS_SELECTOR, "#rows tr")[:200]]
        check(shown_status == sorted(shown_status), "Verification: live first")

        # Summary: severity bars add up, the timeline has its months, bars filter.
        bars = driver.execute_script(
            "return Array.prototype.map.call(document.querySelectorAll('#by-severity .bar-count'), function (e) { return +e.textContent; })")
        check(sum(bars) == total, f"severity bars add up to {total} ({bars})")
        months = len(driver.find_elements(By.CSS_SELECTOR, "#timeline .tl-col"))
        check(months == 36, f"timeline: one column per month, Jan 2024 to Dec 2026 ({months})")
        driver.find_element(By.CSS_SELECTOR, "#by-status li:first-child button").click()
        wait_for_count(driver, expected(status="live"))
        check(count_text(driver).startswith(f"{expected(status='live')} of "), "a status bar filters the table")

        check(not errors_logged(driver), f"no error in the console ({errors_logged(driver)})")
        requests = network_requests(driver)
        others = [u for u in requests if u != "file://" + report]
        check("file://" + report in requests, "the performance log sees the page's own load")
        check(not others, f"the report made no network request ({others[:5]})")

        # The network log does see a request when a page makes one.
        control = os.path.join(root, "control.html")
        with open(control, "w") as f:
            f.write(f'<img src="http://127.0.0.1:{issuer.server_address[1]}/control.png">')
        driver.get("file://" + control)
        time.sleep(1)
        check(any(u.endswith("/control.png") for u in network_requests(driver)), "control: a page's request does show in the log")
        errors_logged(driver)  # the control image's 404, read and dropped

        test_repositories(driver, root, page)
        test_audited_repositories(driver, leakgate, root, rng)
        test_scale(driver, leakgate, root, rng)
    finally:
        driver.quit()
        issuer.shutdown()


REPOSITORIES = [
    "https://git.example.org/acme/api.git",
    "https://git.example.org/acme/web.git",
    "file:///srv/git/tools.git",
]


def test_repositories(driver, root, page):
    """Findings that name their repository, and merged findings with more places, as
    `history --repos` and `report merge` write them: the report above with those fields
    added to its data block (escaped as leakgate escapes it; the script and its CSP hash are
    unchanged)."""
    data = data_block(page)
    for i, f in enumerate(data["findings"]):
        f["repository"] = REPOSITORIES[i % 3]
        if i % 10 == 0:
            f["places"] = [{
                "repository": REPOSITORIES[(i + 1) % 3],
                "path": "vendor/settings.py", "line": 7, "column": 5,
                "commit": {"id": "c0ffee" * 6 + "c0ff", "author": "Ada Lovelace",
                           "email": "ada@example.org", "date": "2023-03-04T05:06:07Z",
                           "summary": "vendor: settings"},
            }]
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    start = page.index(">", page.index('<script type="application/json" id="leakgate-data">')) + 1
    multi = page[:start] + text + page[page.index("</script>", start):]
    path = os.path.join(root, "repositories.html")
    with open(path, "w", encoding="utf-8") as f:
        f.write(multi)
    load(driver, path)
    findings = data["findings"]
    total = len(findings)
    check(driver.find_element(By.ID, "filter-repository-label").is_displayed(), "repositories: the filter shows")
    check(driver.find_element(By.ID, "repository-card").is_displayed(), "repositories: the summary card shows")
    for repository in REPOSITORIES:
        want = sum(1 for f in findings if repository in [f["repository"]] + [p["repository"] for p in f.get("places", [])])
        set_filters(driver, repository=repository)
        wait_for_count(driver, want)
        check(count_text(driver).startswith(f"{want} of {total} "), f"repository {repository}: {want} expected, page says {count_text(driver)!r}")
    with_places = sum(1 for f in findings if f.get("places"))
    set_filters(driver, search="vendor/settings.py")
    wait_for_count(driver, with_places)
    check(count_text(driver).startswith(f"{with_places} of "), f"search finds other places ({count_text(driver)!r})")
    summaries = driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('#rows details summary'), function (e) { return e.textContent; })")
    check(len(summaries) == min(500, with_places) and set(summaries) == {"1 more place"}, "merged findings say how many more places")
    labels = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#timeline .tl-label") if e.text]
    check(labels[:1] == ["2023-03"], f"the timeline starts at the earliest place's commit ({labels[:1]})")
    check(not errors_logged(driver), "repositories: no error in the console")
    requests = [u for u in network_requests(driver) if u != "file://" + path]
    check(not requests, f"repositories: no network request ({requests[:5]})")


def leakgate_output(leakgate, sandbox, args, expect=1):
    run = subprocess.run([leakgate, *args], cwd=sandbox.root, env=sandbox.env, capture_output=True, text=True)
    if run.returncode != expect:
        sys.exit(f"leakgate {' '.join(args)}: exit {run.returncode}, expected {expect}\n{run.stderr}")
    return run.stdout


def test_audited_repositories(driver, leakgate, root, rng):
    """Three repositories audited by URL (`history --repos FILE`, file:// URLs), then two
    shards merged (`report merge`): each finding names its repository, and a secret leaked
    in two repositories is one merged finding with one more place."""
    shared = github_pat(rng)
    urls = []
    for name in ("api", "web", "tools"):
        sandbox = Sandbox(os.path.join(root, "org", name))
        for i in range(4):
            sandbox.write(f"{name}/config{i}.py", "".join(
                f'GITHUB_TOKEN_{j} = "{github_pat(rng)}"\n' for j in range(3)))
            if i == 0 and name != "tools":
                sandbox.write(f"{name}/shared.py", f'TOKEN = "{shared}"\n')
            sandbox.commit(f"{name}: config {i}", AUTHORS[i % 3], f"2025-0{i + 1}-15T09:00:00Z")
        urls.append("file://" + sandbox.repo)
    listing = os.path.join(root, "org", "repos.txt")
    with open(listing, "w") as f:
        f.write("\n".join(urls) + "\n")
    home = Sandbox(os.path.join(root, "org", "home"))

    report = os.path.join(root, "org.html")
    leakgate_output(leakgate, home, ["history", "--repos", listing, "--format", "html", "--output", report])
    truth = json.loads(leakgate_output(leakgate, home, ["history", "--repos", listing, "--format", "json"]))["findings"]
    load(driver, report)
    check({f.get("repository") for f in truth} == set(urls), "org: every finding names its repository")
    check(driver.find_element(By.ID, "filter-repository-label").is_displayed(), "org: the repository filter shows")
    for url in urls:
        want = sum(1 for f in truth if f.get("repository") == url)
        set_filters(driver, repository=url)
        wait_for_count(driver, want)
        check(count_text(driver).startswith(f"{want} of {len(truth)} "), f"org: {url}: {want} expected, page says {count_text(driver)!r}")

    shards = []
    for i, url in enumerate(urls[:2]):
        shard = os.path.join(root, "org", f"shard{i}.json")
        leakgate_output(leakgate, home, ["history", "--repo", url, "--format", "json", "--output", shard])
        shards.append(shard)
    merged = os.path.join(root, "merged.html")
    leakgate_output(leakgate, home, ["report", "merge", *shards, "--format", "html", "--output", merged])
    truth = json.loads(leakgate_output(leakgate, home, ["report", "merge", *shards, "--format", "json"]))["findings"]
    with_places = [f for f in truth if f.get("places")]
    check(len(with_places) == 1, f"merge: the shared secret is one finding with more places ({len(with_places)})")
    load(driver, merged)
    set_filters(driver, search="shared.py")
    wait_for_count(driver, 1)
    check(count_text(driver).startswith(f"1 of {len(truth)} "), f"merge: one row for the shared secret ({count_text(driver)!r})")
    summaries = driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('#rows details summary'), function (e) { return e.textContent; })")
    check(summaries == ["1 more place"], f"merge: the row says it has one more place ({summaries})")
    for url in urls[:2]:
        want = sum(1 for f in truth if url in [f.get("repository")] + [p.get("repository") for p in f.get("places", [])])
        set_filters(driver, repository=url)
        wait_for_count(driver, want)
        check(count_text(driver).startswith(f"{want} of "), f"merge: {url} counts its places too ({count_text(driver)!r})")
    check(not errors_logged(driver), "org and merge: no error in the console")
    requests = [u for u in network_requests(driver) if not u.startswith("file://" + root)]
    check(not requests, f"org and merge: no network request ({requests[:5]})")


def test_scale(driver, leakgate, root, rng):
    """10,000 findings from `scan` (no git, no verification): load, search and filter stay quick."""
    sandbox = Sandbox(os.path.join(root, "scale"))
    for i in range(500):
        sandbox.write(
            f"tree/{i % 20}/config{i}.py",
            "".join(f'GITHUB_TOKEN_{j} = "{github_pat(rng)}"\n' for j in range(20)),
        )
    config = os.path.join(root, "empty.toml")
    open(config, "w").close()
    report = os.path.join(root, "scale.html")
    run_leakgate(leakgate, sandbox, ["scan", "tree", "--format", "html", "--output", report], config)
    seconds = load(driver, report)
    total = 10000
    check(count_text(driver).startswith(f"{total} of {total} "), f"scale: {count_text(driver)!r}")
    check(seconds < 20, f"scale: 10,000 findings render within 20 s ({seconds:.2f} s)")
    set_filters(driver, search="config42.py")
    took = wait_for_count(driver, 20)
    check(count_text(driver).startswith("20 of "), f"scale: search answers ({count_text(driver)!r}, {took:.2f} s)")
    check(took < 5, f"scale: search within 5 s ({took:.2f} s)")
    errors = errors_logged(driver)
    check(not errors, f"scale: no error in the console ({errors})")
    requests = [u for u in network_requests(driver) if u != "file://" + report]
    check(not requests, f"scale: no network request ({requests[:5]})")


def screenshot(leakgate, root, out):
    """A small sample report, fake and redacted, for the README."""
    issuer = start_issuer()
    config = write_config(root, issuer.server_address[1])
    sandbox = Sandbox(os.path.join(root, "sample"))
    rng = random.Random(7)
    global AUTHORS
    AUTHORS = AUTHORS[:3] + [("Alan Turing", "alan@example.org")]
    build_history(sandbox, rng, commits=30, secrets_per_file=2, pool_size=40, hostile=False)
    report = os.path.join(root, "sample.html")
    run_leakgate(leakgate, sandbox, ["history", "--verify", "--format", "html", "--output", report], config)
    driver = browser(1400, 1250)
    try:
        load(driver, report)
        check(not errors_logged(driver), "sample: no error in the console")
        driver.save_screenshot(out)
        print(f"screenshot: {out}")
    finally:
        driver.quit()
        issuer.shutdown()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leakgate", required=True, help="the leakgate binary to test")
    parser.add_argument("--screenshot", metavar="PNG", help="write a sample report's screenshot instead")
    args = parser.parse_args()
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.access(path, os.X_OK):
            sys.exit(f"browser test: {path} is missing (scripts/test-deps.sh installs Debian's chromium and chromium-driver)")
    leakgate = os.path.abspath(args.leakgate)
    root = tempfile.mkdtemp(prefix="leakgate-browser-")
    try:
        if args.screenshot:
            screenshot(leakgate, root, os.path.abspath(args.screenshot))
        else:
            test_report(leakgate, root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    # The plain closing line CI reads.
    print(f"browser: {len(passes)} passed, {len(failures)} failed")
    if failures or not passes:
        sys.exit(1)


if __name__ == "__main__":
    main()
