// leakgate HTML report: reads the JSON data block and builds the summary and the findings
// table. Text from findings reaches the page only through textContent and attribute
// properties, never as markup. No framework, no network.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('leakgate-data').textContent);
  var rules = data.rules || {};
  var findings = data.findings || [];
  var PAGE = 500;
  var SEVERITIES = ['critical', 'high', 'medium', 'low'];
  var STATUSES = ['live', 'unknown', 'dead', 'skipped', 'unchecked', 'none'];
  var STATUS_LABEL = {
    live: 'live', dead: 'dead', unknown: 'unknown', skipped: 'skipped',
    unchecked: 'not checked', none: 'no verifier'
  };

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function ruleOf(f) { return rules[f.rule] || {}; }
  // A merged report (`report merge`) gives one finding per secret, with its other places.
  function placesOf(f) { return Array.isArray(f.places) ? f.places : []; }
  function reposOf(f) {
    var repos = [];
    [f].concat(placesOf(f)).forEach(function (p) {
      if (p.repository && repos.indexOf(p.repository) < 0) repos.push(p.repository);
    });
    return repos;
  }
  function statusOf(f) {
    if (f.verification) return f.verification.status;
    return ruleOf(f).verify ? 'unchecked' : 'none';
  }
  function severityOf(f) { return f.severity || ruleOf(f).severity || 'high'; }
  function placeOf(f) {
    if (f.path === null || f.path === undefined) {
      return f.commit ? 'commit message' : 'standard input';
    }
    return f.path + (f.line ? ':' + f.line + (f.column ? ':' + f.column : '') : '');
  }
  // The earliest commit date of any of the finding's places.
  function dateOf(f) {
    var date = '';
    [f].concat(placesOf(f)).forEach(function (p) {
      var d = p.commit && p.commit.date;
      if (d && (!date || d < date)) date = d;
    });
    return date;
  }
  function size(bytes) {
    var units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
    var i = 0;
    while (bytes >= 1024 && i < units.length - 1) { bytes /= 1024; i++; }
    return (i ? bytes.toFixed(1) : bytes) + ' ' + units[i];
  }

  // Derived fields, computed once.
  var rows = findings.map(function (f, index) {
    var commit = f.commit || {};
    var verification = f.verification || {};
    var row = {
      f: f,
      index: index,
      severity: severityOf(f),
      status: statusOf(f),
      repos: reposOf(f),
      place: placeOf(f),
      date: dateOf(f)
    };
    row.repo = row.repos[0] || '';
    var text = [f.rule, ruleOf(f).title, ruleOf(f).provider, row.place, f.secret,
      f.fingerprint, commit.id, commit.author, commit.email, commit.summary,
      verification.detail, (verification.scopes || []).join(' '), STATUS_LABEL[row.status]]
      .concat(row.repos);
    placesOf(f).forEach(function (p) {
      text.push(placeOf(p));
      if (p.commit) text.push(p.commit.id, p.commit.author, p.commit.email, p.commit.summary);
    });
    row.haystack = text.filter(Boolean).join('\n').toLowerCase();
    return row;
  });

  // Rows counted by a key; a key function may return a list (each counted once).
  function countBy(key) {
    var counts = {};
    rows.forEach(function (row) {
      [].concat(key(row)).forEach(function (k) {
        counts[k] = (counts[k] || 0) + 1;
      });
    });
    return counts;
  }
  function sortedEntries(counts, order) {
    var keys = Object.keys(counts);
    if (order) {
      keys.sort(function (a, b) { return order.indexOf(a) - order.indexOf(b); });
    } else {
      keys.sort(function (a, b) { return counts[b] - counts[a] || (a < b ? -1 : 1); });
    }
    return keys.map(function (k) { return [k, counts[k]]; });
  }

  // ---- overview and skips ----
  var distinct = {};
  findings.forEach(function (f) { distinct[f.rule + '\u0000' + f.fingerprint] = true; });
  var summary = data.summary || {};
  var overview = findings.length + (findings.length === 1 ? ' finding' : ' findings') +
    ', ' + Object.keys(distinct).length + ' distinct secrets';
  if (summary.repositories) overview += ' · ' + summary.repositories + ' repositories';
  if (summary.files) overview += ' · ' + summary.files + ' files';
  if (summary.blobs) overview += ' · ' + summary.blobs + ' blobs';
  if (summary.bytes) overview += ' · ' + size(summary.bytes) + ' read';
  overview += data.show_secrets ? ' · secrets shown in full (--show-secrets)' : ' · secrets redacted';
  $('overview').textContent = overview;
  var skipped = summary.skipped || {};
  var skipText = Object.keys(skipped).filter(function (k) { return skipped[k] > 0; })
    .map(function (k) { return skipped[k] + ' ' + k.replace(/_/g, ' '); });
  if (summary.errors) skipText.push(summary.errors + ' errors');
  if (skipText.length) {
    $('skipped').textContent = 'Not scanned: ' + skipText.join(', ') +
      '. Findings in that content are not in this report.';
    $('skipped').hidden = false;
  }

  // ---- summary bars ----
  function bars(listId, entries, label, onPick, limit) {
    var list = $(listId);
    var max = entries.reduce(function (m, e) { return Math.max(m, e[1]); }, 1);
    entries.slice(0, limit || entries.length).forEach(function (entry) {
      var item = el('li');
      var button = el('button', 'bar-button');
      button.type = 'button';
      var text = label ? label(entry[0]) : entry[0];
      button.title = entry[0] + ': ' + entry[1] + ' (show only these)';
      button.appendChild(el('span', 'bar-label', text));
      var track = el('span', 'bar-track');
      var fill = el('span', 'bar-fill ' + 'k-' + String(entry[0]).replace(/[^a-z]/g, ''));
      fill.style.width = Math.max(2, Math.round(100 * entry[1] / max)) + '%';
      track.appendChild(fill);
      button.appendChild(track);
      button.appendChild(el('span', 'bar-count', entry[1]));
      button.addEventListener('click', function () { onPick(entry[0]); });
      item.appendChild(button);
      list.appendChild(item);
    });
    if (limit && entries.length > limit) {
      list.appendChild(el('li', 'note', (entries.length - limit) + ' more'));
    }
    if (!entries.length) list.appendChild(el('li', 'note', 'none'));
  }
  function pick(selectId) {
    return function (value) {
      $(selectId).value = value;
      update(true);
      $('findings').scrollIntoView();
    };
  }
  bars('by-severity', sortedEntries(countBy(function (r) { return r.severity; }), SEVERITIES),
    null, pick('filter-severity'));
  bars('by-status', sortedEntries(countBy(function (r) { return r.status; }), STATUSES),
    function (k) { return STATUS_LABEL[k] || k; }, pick('filter-status'));
  bars('by-rule', sortedEntries(countBy(function (r) { return r.f.rule; })), null,
    pick('filter-rule'), 12);
  var repoCounts = countBy(function (r) { return r.repos; });
  if (Object.keys(repoCounts).length) {
    $('repository-card').hidden = false;
    $('filter-repository-label').hidden = false;
    bars('by-repository', sortedEntries(repoCounts), shortRepository, pick('filter-repository'), 12);
  }
  // A repository URL's last two path parts without `.git` (`acme/api`): what tells an
  // organisation's repositories apart. The bar's tooltip has the whole URL.
  function shortRepository(url) {
    var parts = url.replace(/\.git\/?$/, '').split(/[\/:]/).filter(Boolean);
    return parts.slice(-2).join('/') || url;
  }
  function pathOf(p) { return p.path === null || p.path === undefined ? placeOf(p) : p.path; }
  bars('by-path', sortedEntries(countBy(function (r) {
    var paths = [pathOf(r.f)];
    placesOf(r.f).forEach(function (p) {
      if (paths.indexOf(pathOf(p)) < 0) paths.push(pathOf(p));
    });
    return paths;
  })), null, function (path) {
    $('search').value = path;
    update(true);
    $('findings').scrollIntoView();
  }, 10);

  // ---- timeline: the first commit date of each distinct secret ----
  (function timeline() {
    var first = {};
    var undated = {};
    rows.forEach(function (row) {
      var key = row.f.rule + '\u0000' + row.f.fingerprint;
      if (!row.date) { undated[key] = true; return; }
      if (!first[key] || row.date < first[key]) first[key] = row.date;
    });
    var dates = Object.keys(first).map(function (k) { return first[k]; }).sort();
    Object.keys(first).forEach(function (k) { delete undated[k]; });
    var note = $('timeline-note');
    var undatedCount = Object.keys(undated).length;
    if (!dates.length) {
      note.textContent = 'No commit dates: these findings do not come from git history.';
      return;
    }
    // Months, or days when every date falls within two months.
    var byDay = dates[0].slice(0, 7) === dates[dates.length - 1].slice(0, 7) ||
      monthIndex(dates[dates.length - 1]) - monthIndex(dates[0]) < 2;
    var counts = {};
    dates.forEach(function (d) {
      var key = byDay ? d.slice(0, 10) : d.slice(0, 7);
      counts[key] = (counts[key] || 0) + 1;
    });
    var keys = byDay ? Object.keys(counts).sort() : monthRange(dates[0], dates[dates.length - 1]);
    var max = 1;
    keys.forEach(function (k) { max = Math.max(max, counts[k] || 0); });
    var chart = $('timeline');
    // About eight labels; the last bucket's only where it does not crowd the one before.
    var step = Math.max(1, Math.ceil(keys.length / 8));
    var last = keys.length - 1;
    keys.forEach(function (k, i) {
      var column = el('div', 'tl-col');
      column.title = k + ': ' + (counts[k] || 0) + ' secret(s) introduced';
      var bar = el('div', 'tl-bar');
      bar.style.height = (counts[k] ? Math.max(3, Math.round(100 * counts[k] / max)) : 0) + '%';
      column.appendChild(bar);
      var labelled = i % step === 0 || (i === last && last % step >= step / 2);
      column.appendChild(el('span', 'tl-label', labelled ? k : ''));
      chart.appendChild(column);
    });
    note.textContent = dates.length + ' secrets dated by the commit that introduced them, ' +
      dates[0].slice(0, 10) + ' to ' + dates[dates.length - 1].slice(0, 10) +
      (byDay ? ', by day' : ', by month') +
      (undatedCount ? '; ' + undatedCount + ' without a commit (work tree or unreachable)' : '') + '.';
  })();
  function monthIndex(date) {
    return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
  }
  function monthRange(from, to) {
    var keys = [];
    var last = monthIndex(to);
    for (var m = monthIndex(from); m <= last && keys.length < 600; m++) {
      var month = (m % 12) + 1;
      keys.push(Math.floor(m / 12) + '-' + (month < 10 ? '0' : '') + month);
    }
    return keys;
  }

  // ---- filters ----
  function fillSelect(id, allLabel, entries, label) {
    var select = $(id);
    select.appendChild(new Option(allLabel + ' (' + rows.length + ')', ''));
    entries.forEach(function (e) {
      select.appendChild(new Option((label ? label(e[0]) : e[0]) + ' (' + e[1] + ')', e[0]));
    });
    select.addEventListener('change', function () { update(true); });
  }
  fillSelect('filter-rule', 'All rules',
    sortedEntries(countBy(function (r) { return r.f.rule; })));
  fillSelect('filter-severity', 'All severities',
    sortedEntries(countBy(function (r) { return r.severity; }), SEVERITIES));
  fillSelect('filter-status', 'All statuses',
    sortedEntries(countBy(function (r) { return r.status; }), STATUSES),
    function (k) { return STATUS_LABEL[k] || k; });
  fillSelect('filter-repository', 'All repositories', sortedEntries(repoCounts));

  var searchTimer = null;
  $('search').addEventListener('input', function () {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(function () { update(true); }, 120);
  });
  $('controls').addEventListener('submit', function (event) { event.preventDefault(); });
  $('reset').addEventListener('click', function () {
    ['filter-rule', 'filter-severity', 'filter-status', 'filter-repository'].forEach(
      function (id) { $(id).value = ''; });
    $('search').value = '';
    update(true);
  });

  // ---- sorting ----
  var sortKey = 'severity';
  var sortDescending = true;
  function rank(list, value) {
    var i = list.indexOf(value);
    return i < 0 ? list.length : i;
  }
  function compareText(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  var COMPARE = {
    severity: function (a, b) { return rank(SEVERITIES, b.severity) - rank(SEVERITIES, a.severity); },
    status: function (a, b) { return rank(STATUSES, b.status) - rank(STATUSES, a.status); },
    rule: function (a, b) { return compareText(a.f.rule, b.f.rule); },
    secret: function (a, b) { return compareText(a.f.secret || '', b.f.secret || ''); },
    place: function (a, b) {
      return compareText(a.repo, b.repo) || compareText(a.f.path || '', b.f.path || '') ||
        (a.f.line || 0) - (b.f.line || 0);
    },
    date: function (a, b) { return compareText(a.date, b.date); }
  };
  function comparator() {
    var primary = COMPARE[sortKey];
    var sign = sortDescending ? -1 : 1;
    return function (a, b) {
      return sign * primary(a, b) || -COMPARE.severity(a, b) || -COMPARE.status(a, b) ||
        COMPARE.place(a, b) || a.index - b.index;
    };
  }
  Array.prototype.forEach.call(document.querySelectorAll('th button[data-sort]'), function (button) {
    button.addEventListener('click', function () {
      var key = button.getAttribute('data-sort');
      if (key === sortKey) {
        sortDescending = !sortDescending;
      } else {
        sortKey = key;
        sortDescending = key === 'severity' || key === 'status' || key === 'date';
      }
      update(true);
    });
  });

  // ---- the table ----
  var matching = [];
  var shown = 0;
  function update(reset) {
    var rule = $('filter-rule').value;
    var severity = $('filter-severity').value;
    var status = $('filter-status').value;
    var repo = $('filter-repository').value;
    var words = $('search').value.toLowerCase().split(/\s+/).filter(Boolean);
    matching = rows.filter(function (row) {
      if (rule && row.f.rule !== rule) return false;
      if (severity && row.severity !== severity) return false;
      if (status && row.status !== status) return false;
      if (repo && row.repos.indexOf(repo) < 0) return false;
      for (var i = 0; i < words.length; i++) {
        if (row.haystack.indexOf(words[i]) < 0) return false;
      }
      return true;
    });
    matching.sort(comparator());
    Array.prototype.forEach.call(document.querySelectorAll('th button[data-sort]'), function (b) {
      var key = b.getAttribute('data-sort');
      b.parentNode.setAttribute('aria-sort', key === sortKey ?
        (sortDescending ? 'descending' : 'ascending') : 'none');
    });
    if (reset) {
      $('rows').textContent = '';
      shown = 0;
    }
    showMore();
  }
  function showMore() {
    var body = $('rows');
    var fragment = document.createDocumentFragment();
    var end = Math.min(matching.length, shown + PAGE);
    for (var i = shown; i < end; i++) fragment.appendChild(renderRow(matching[i]));
    body.appendChild(fragment);
    shown = end;
    $('count').textContent = matching.length + ' of ' + rows.length + ' findings match' +
      (shown < matching.length ? '; showing the first ' + shown : '');
    $('more').hidden = shown >= matching.length;
    $('more').textContent = 'Show ' + Math.min(PAGE, matching.length - shown) + ' more';
  }
  $('more').addEventListener('click', showMore);

  function linkify(parent, text) {
    var pattern = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:)]/g;
    var at = 0;
    var match;
    while ((match = pattern.exec(text)) !== null) {
      parent.appendChild(document.createTextNode(text.slice(at, match.index)));
      var link = el('a', null, match[0]);
      link.href = match[0];
      link.rel = 'noopener noreferrer';
      link.target = '_blank';
      parent.appendChild(link);
      at = match.index + match[0].length;
    }
    parent.appendChild(document.createTextNode(text.slice(at)));
  }

  function commitLine(commit) {
    var line = el('div', 'small');
    line.appendChild(el('span', 'mono', (commit.id || '').slice(0, 10)));
    line.appendChild(document.createTextNode(' · ' + (commit.author || '')));
    if (commit.summary) line.appendChild(el('div', 'subject', commit.summary));
    return line;
  }

  function command(text, line) {
    var block = el('div', 'small');
    block.appendChild(document.createTextNode(text));
    block.appendChild(el('code', null, line));
    return block;
  }

  function renderRow(row) {
    var f = row.f;
    var rule = ruleOf(f);
    var tr = el('tr');
    tr.setAttribute('data-index', row.index);

    tr.appendChild(el('td', null)).appendChild(el('span', 'sev sev-' + row.severity, row.severity));

    var ruleCell = el('td');
    ruleCell.appendChild(el('div', 'rule-id', f.rule));
    if (rule.title) ruleCell.appendChild(el('div', 'small', rule.title));
    tr.appendChild(ruleCell);

    var secretCell = el('td');
    secretCell.appendChild(el('code', 'secret', f.secret || (f.kind === 'file' ? '(the file)' : '')));
    secretCell.appendChild(el('div', 'small mono', f.fingerprint));
    tr.appendChild(secretCell);

    var placeCell = el('td', 'place');
    if (row.repo) placeCell.appendChild(el('div', 'small repo', row.repo));
    placeCell.appendChild(el('div', 'mono path', row.place));
    if (f.commit) placeCell.appendChild(commitLine(f.commit));
    var more = placesOf(f);
    if (more.length) {
      var details = el('details', 'small');
      details.appendChild(el('summary', null, more.length + ' more place' + (more.length === 1 ? '' : 's')));
      var list = el('ul', 'places');
      more.forEach(function (p) {
        var item = el('li');
        if (p.repository) item.appendChild(el('div', 'repo', p.repository));
        item.appendChild(el('div', 'mono', placeOf(p)));
        if (p.commit) item.appendChild(commitLine(p.commit));
        list.appendChild(item);
      });
      details.appendChild(list);
      placeCell.appendChild(details);
    }
    tr.appendChild(placeCell);

    tr.appendChild(el('td', 'mono small', row.date ? row.date.slice(0, 10) : ''));

    var statusCell = el('td');
    statusCell.appendChild(el('span', 'status st-' + row.status, STATUS_LABEL[row.status] || row.status));
    if (f.verification) {
      (f.verification.scopes || []).forEach(function (scope) {
        statusCell.appendChild(el('span', 'scope', scope));
      });
      if (f.verification.detail) statusCell.appendChild(el('div', 'small', f.verification.detail));
    }
    tr.appendChild(statusCell);

    var revokeCell = el('td', 'revoke');
    if (rule.remediation) linkify(revokeCell.appendChild(el('div')), rule.remediation);
    if (rule.verify && !f.verification) {
      revokeCell.appendChild(command('Check whether it is live: ', 'leakgate verify --rule ' + f.rule));
    }
    // `revocable` is set by --verify for a live secret; without --verify, the rule says.
    if (f.verification ? f.verification.revocable : rule.revoke) {
      revokeCell.appendChild(command('Revoke it from here: ', 'leakgate revoke --rule ' + f.rule));
    }
    tr.appendChild(revokeCell);
    return tr;
  }

  update(true);
  document.documentElement.setAttribute('data-ready', 'true');
})();
