// The on-screen questionnaire: shows a question only when its ask_if holds (an unanswered
// field counts as "show", as in `producibility ask`), adds and removes parts, and saves
// the answers as a request file that `producibility validate` and `check` read.
// No network: the file is built here and offered as a download.
(function () {
  "use strict";
  var form = document.getElementById("request-form");
  var config = JSON.parse(form.getAttribute("data-config"));
  var partsBox = document.getElementById("parts");
  var partTemplate = document.getElementById("part-template");
  var partCount = 0;

  // Numbers as the form's language writes them: 1.000,5 in Dutch, 1,000.5 in English.
  function readNumber(text) {
    var t = text.replace(/[\s\u00a0\u202f']/g, "");
    if (t === "") return null;
    var thousands = config.lang === "nl" ? "." : ",", decimal = config.lang === "nl" ? "," : ".";
    var grouped = new RegExp("^[+-]?\\d{1,3}(\\" + thousands + "\\d{3})+(\\" + decimal + "\\d+)?$");
    if (grouped.test(t)) t = t.split(thousands).join("");
    // "1.000" in English (or "1,000" in Dutch) could be a thousand or one: marked, not
    // guessed, as `producibility ask` asks it back
    else if (new RegExp("^[+-]?[1-9]\\d{0,2}\\" + decimal + "\\d{3}$").test(t)) return NaN;
    t = t.replace(",", ".");  // a lone separator is the decimal one: 12,5 and 12.5
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) return NaN;
    return Number(t);
  }

  function questionValue(q) {
    var type = q.getAttribute("data-type");
    if (type === "multi_choice") {
      var none = q.querySelector("input[data-none]");
      var picked = Array.prototype.filter.call(q.querySelectorAll("input[type=checkbox]:not([data-none])"),
        function (box) { return box.checked; }).map(function (box) { return box.value; });
      if (picked.length) return picked;
      return none && none.checked ? [] : null;
    }
    if (type === "yes_no") {
      var on = q.querySelector("input[type=radio]:checked");
      return on ? on.value === "yes" : null;
    }
    if (type === "dimensions") {
      var sizes = Array.prototype.map.call(q.querySelectorAll("input"), function (i) { return readNumber(i.value); });
      if (sizes.every(function (v) { return v === null; })) return null;
      return sizes;
    }
    var absent = q.querySelector("input[data-absent]");
    if (absent && absent.checked) return "none";  // answered "none": no thread, no holes
    var field = q.querySelector("input, select, textarea");
    var text = field.value.trim();
    if (text === "") return null;
    if (type === "number") return readNumber(text);
    return text;
  }

  // One test of an ask_if (intake.form.show_if) on the answers: true, false, or null
  // (unknown: the question is shown); "none" is a question answered "none" (no thread):
  // answered, and not there, as the rules read it (README, "How rules are evaluated").
  function holds(atom, answers) {
    var value = answers[atom.field];
    var open = value === null || value === undefined;
    if (atom.op === "defined") return !open && value !== "none";
    if (atom.op === "undefined") return open || value === "none";
    if (open || (typeof value === "number" && isNaN(value))) return null;  // unknown
    if (atom.op === "none") return value === "none";
    if (atom.op === "some") return value !== "none";
    if (atom.op === "lt" || atom.op === "lteq" || atom.op === "gt" || atom.op === "gteq") {
      if (typeof value !== "number") return false;  // "none": no size to compare
      var limit = atom.values[0];
      return atom.op === "lt" ? value < limit : atom.op === "lteq" ? value <= limit :
        atom.op === "gt" ? value > limit : value >= limit;
    }
    if (atom.op === "true") return value === true;
    if (atom.op === "false") return value === false;
    if (atom.op === "has") return value.indexOf(atom.values[0]) >= 0;
    if (atom.op === "lacks") return value.indexOf(atom.values[0]) < 0;
    if (atom.op === "in") return atom.values.indexOf(value) >= 0;
    if (atom.op === "out") return atom.values.indexOf(value) < 0;
    return null;
  }

  // Tests joined by and/or, three-valued: an "and" is false when one is false, an "or"
  // true when one is true; else unknown (null) when one is
  function group(rule, answers) {
    var results = rule.atoms.map(function (atom) {
      return atom.join ? group(atom, answers) :
        holds(atom, atom.scope === "part" ? (answers.part || {}) : answers.request);
    });
    var decisive = rule.join === "and" ? false : true;
    if (results.indexOf(decisive) >= 0) return decisive;
    return results.indexOf(null) >= 0 ? null : !decisive;
  }

  function shown(rule, request, part) {
    if (!rule) return true;
    return group(rule, { request: request, part: part }) !== false;  // unknown: shown
  }

  function collect(scopeBox, request) {
    var answers = {}, questions = scopeBox.querySelectorAll(":scope .q[data-scope]");
    Array.prototype.forEach.call(questions, function (q) {
      answers[q.getAttribute("data-id")] = questionValue(q);
    });
    return answers;
  }

  function refresh() {
    var top = collect(document.getElementById("request-questions"));
    Array.prototype.forEach.call(document.querySelectorAll("#request-questions .q"), function (q) {
      q.hidden = !shown(JSON.parse(q.getAttribute("data-show") || "null"), top, null);
    });
    Array.prototype.forEach.call(partsBox.querySelectorAll(".part"), function (box) {
      var part = collect(box);
      Array.prototype.forEach.call(box.querySelectorAll(".q"), function (q) {
        q.hidden = !shown(JSON.parse(q.getAttribute("data-show") || "null"), top, part);
      });
      // the choices the part's other answers rule out (no T temper for a 5754), as `ask`
      // does not offer them: disabled, and unselected where chosen before
      Array.prototype.forEach.call(box.querySelectorAll("option[data-not-for]"), function (o) {
        var rule = JSON.parse(o.getAttribute("data-not-for"));
        var out = rule.values.indexOf(part[rule.field]) >= 0;
        o.disabled = o.hidden = out;
        if (out && o.selected) o.parentNode.value = "";
      });
    });
    document.getElementById("preview").textContent = build().text;
  }

  // YAML: JSON's strings are YAML's double-quoted scalars; numbers and booleans bare.
  function scalar(value) {
    if (typeof value === "number") return String(value);
    if (typeof value === "boolean") return value ? "true" : "false";
    return JSON.stringify(value);
  }
  function yamlValue(value) {
    if (Array.isArray(value)) return "[" + value.map(scalar).join(", ") + "]";
    return scalar(value);
  }

  function answersOf(box, missing, where) {
    var out = [];
    Array.prototype.forEach.call(box.querySelectorAll(".q"), function (q) {
      if (q.hidden) return;
      var value = questionValue(q), label = q.querySelector(".t").textContent.trim();
      var bad = value !== null && (
        (typeof value === "number" && isNaN(value)) ||
        (Array.isArray(value) && value.some(function (v) { return typeof v === "number" && isNaN(v); })));
      q.classList.toggle("invalid", bad);
      if (bad) { missing.push(where + label); return; }
      if (value === null) {
        if (q.getAttribute("data-required") === "1") missing.push(where + label);
        return;
      }
      if (q.getAttribute("data-type") === "dimensions" && value.indexOf(null) >= 0) {
        missing.push(where + label); return;
      }
      out.push([q.getAttribute("data-id"), value]);
    });
    return out;
  }

  function build() {
    var missing = [], lines = [], data = {};
    lines.push("# Answers to the questionnaire " + config.questionnaire.join(" ") +
               ", written by the on-screen form" + (config.shop ? " of " + config.shop : "") + ".");
    answersOf(document.getElementById("request-questions"), missing, "").forEach(function (pair) {
      lines.push(pair[0] + ": " + yamlValue(pair[1]));
      data[pair[0]] = pair[1];
    });
    var parts = partsBox.querySelectorAll(".part");
    if (parts.length) { lines.push("parts:"); data.parts = []; }
    Array.prototype.forEach.call(parts, function (box, i) {
      var pairs = answersOf(box, missing, config.words.part + " " + (i + 1) + ": ");
      var part = {};
      pairs.forEach(function (pair) { part[pair[0]] = pair[1]; });
      data.parts.push(part);
      if (!pairs.length) { lines.push("  - {}"); return; }
      pairs.forEach(function (pair, j) {
        lines.push((j === 0 ? "  - " : "    ") + pair[0] + ": " + yamlValue(pair[1]));
      });
    });
    return { text: lines.join("\n") + "\n", json: JSON.stringify(data, null, 2) + "\n",
             missing: missing };
  }

  function addPart() {
    partCount += 1;
    var node = partTemplate.content.firstElementChild.cloneNode(true);
    node.querySelector(".part-number").textContent = String(partsBox.children.length + 1);
    Array.prototype.forEach.call(node.querySelectorAll("[name]"), function (field) {
      field.name = field.name.replace("__n__", String(partCount));
    });
    Array.prototype.forEach.call(node.querySelectorAll("[id]"), function (field) {
      field.id = field.id.replace("__n__", String(partCount));
    });
    Array.prototype.forEach.call(node.querySelectorAll("label[for]"), function (label) {
      label.htmlFor = label.htmlFor.replace("__n__", String(partCount));
    });
    node.querySelector(".remove-part").addEventListener("click", function () {
      node.remove();
      Array.prototype.forEach.call(partsBox.querySelectorAll(".part-number"), function (n, i) {
        n.textContent = String(i + 1);
      });
      refresh();
    });
    partsBox.appendChild(node);
    refresh();
    return node;
  }

  function save(kind) {
    var result = build(), json = kind === "json";
    var status = document.getElementById("status");
    var idField = document.querySelector("#request-questions .q[data-id=id] input");
    var name = "request" + (idField && idField.value.trim() ?
      "-" + idField.value.trim().replace(/[^A-Za-z0-9._-]+/g, "_") : "") + (json ? ".json" : ".yaml");
    var link = document.getElementById("download");
    link.href = (json ? "data:application/json;charset=utf-8," : "data:application/x-yaml;charset=utf-8,") +
      encodeURIComponent(json ? result.json : result.text);
    link.download = name;
    link.textContent = name;
    link.hidden = false;
    link.click();
    status.textContent = config.words.form_saved.replace("{name}", name) +
      (result.missing.length ? " " + config.words.form_missing + " " + result.missing.join("; ") : "");
    return result;
  }

  form.addEventListener("input", function (event) {
    // a number typed beside "none" (no thread) takes its place
    var q = event.target.closest(".q"), absent = q && q.querySelector("input[data-absent]");
    if (absent && event.target !== absent && event.target.value) absent.checked = false;
    refresh();
  });
  form.addEventListener("change", function (event) {
    var box = event.target;
    if (box.hasAttribute("data-absent")) {  // "none" (no thread) empties the number
      if (box.checked) {
        var answer = box.closest(".q").querySelector("input[type=text], select");
        if (answer) answer.value = "";
      }
    } else if (box.type === "checkbox") {  // "none" and a choice exclude each other
      var q = box.closest(".q");
      if (box.hasAttribute("data-none") && box.checked) {
        q.querySelectorAll("input[type=checkbox]:not([data-none])").forEach(function (b) { b.checked = false; });
      } else if (box.checked) {
        var none = q.querySelector("input[data-none]");
        if (none) none.checked = false;
      }
    }
    refresh();
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); save(); });
  document.getElementById("save-json").addEventListener("click", function () { save("json"); });
  document.getElementById("add-part").addEventListener("click", addPart);
  addPart();
  window.producibilityForm = { build: build, save: save, addPart: addPart, refresh: refresh };
})();
