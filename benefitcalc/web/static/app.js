// The adviser's page: builds a scenario from the form, asks this server's JSON API, shows the answer.
// Plain JavaScript, no libraries, nothing from elsewhere. Every figure comes from the API.
"use strict";

const $ = (id) => document.getElementById(id);
const state = { scenario: null, hours: null, token: sessionStorage.getItem("benefitcalc-token") || "", pending: null };

const BENEFITS = {
  universal_credit: "Universal Credit", new_style_esa: "New Style ESA", new_style_jsa: "New Style JSA",
  carers_allowance: "Carer's Allowance", carer_support_payment: "Carer Support Payment", child_benefit: "Child Benefit",
  pip: "Personal Independence Payment", adult_disability_payment: "Adult Disability Payment",
  disability_living_allowance: "Disability Living Allowance", attendance_allowance: "Attendance Allowance",
  scottish_child_payment: "Scottish Child Payment", council_tax_reduction: "Council tax reduction",
  housing_benefit: "Housing Benefit", state_pension: "State Pension",
};
const FIGURES = { net_income: "Money coming in", disposable_income: "Left to live on", better_off: "Better off" };

// --- talking to the API ------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, error) { super(error.message); this.status = status; this.error = error; }
}

async function api(method, path, body, as = "json") {
  const headers = { Accept: as === "json" ? "application/json" : "*/*" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (state.token) headers.Authorization = "Bearer " + state.token;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401) {
    askForToken();
    throw new ApiError(401, (await response.json()).error);
  }
  if (!response.ok) {
    let error = { kind: "http", where: null, message: `The server answered ${response.status}.` };
    try { error = (await response.json()).error || error; } catch (ignored) { /* not JSON */ }
    throw new ApiError(response.status, error);
  }
  if (response.status === 204) return null;
  if (as === "blob") return { blob: await response.blob(), name: fileName(response) };
  return as === "text" ? response.text() : response.json();
}

function fileName(response) {
  const match = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") || "");
  return match ? match[1] : "download";
}

function askForToken() {
  $("token-panel").hidden = false;
  $("token").focus();
}

function download(file) {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = file.name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}

// --- the form -> a scenario ----------------------------------------------------------------------

const value = (id) => $(id).value.trim();
const checked = (id) => $(id).checked;

function number(id) {
  // A number as typed, or the text itself so the server can say what is wrong with it, next to the field.
  const text = value(id).replace(/^£/, "").replace(/,/g, "");
  return text !== "" && !Number.isNaN(Number(text)) ? Number(text) : text;
}

function given(id) { return value(id) !== ""; }

function health(adult, prefix) {
  // LCWRA awarded before 6 April 2026 keeps the protected (higher) element; from then, the new rate.
  const health = value(prefix + "-health");
  if (health !== "none") {
    adult.universal_credit_health = health === "lcwra-protected" ? "lcwra" : health;
    if (health.startsWith("lcwra")) adult.health_element_protected = health === "lcwra-protected";
  }
  const daily = value(prefix + "-pip-daily");
  const mobility = $(prefix + "-pip-mobility") ? value(prefix + "-pip-mobility") : "none";
  if (daily !== "none" || mobility !== "none") {
    const key = value("nation") === "scotland" ? "adult_disability_payment" : "pip";
    adult[key] = { daily_living: daily, mobility };
  }
}

function scenarioFromForm() {
  const scenario = {};
  if (given("date-day") || given("date-month") || given("date-year")) {
    const two = (id) => value(id).padStart(2, "0");
    scenario.date = `${value("date-year")}-${two("date-month")}-${two("date-day")}`;
  }
  scenario.nation = value("nation");
  if (checked("london")) scenario.in_greater_london = true;
  const client = { name: value("client-name") || "Client", age: number("client-age") };
  client.job = { hourly_pay: number("job-pay"), hours: number("job-hours") };
  if (value("job-pension") !== "none") client.job.pension = value("job-pension");
  health(client, "client");
  if (value("client-esa") !== "none") client.new_style_esa = value("client-esa");
  if (given("client-caring")) {
    client.carer = { hours_per_week: number("client-caring"), claims_carers_allowance: checked("client-carers-allowance") };
  }
  scenario.adults = [client];
  if (checked("has-partner")) {
    const partner = { name: value("partner-name") || "Partner", age: number("partner-age") };
    if (given("partner-earnings")) partner.earnings = { amount: number("partner-earnings"), period: "week" };
    health(partner, "partner");
    scenario.adults.push(partner);
  }
  const children = [...document.querySelectorAll("#children li")].map((item) => {
    const child = { age: number(item.querySelector(".child-age").id) };
    const disability = item.querySelector(".child-disability").value;
    if (disability !== "none") child.disability = disability;
    return child;
  });
  if (children.length) scenario.children = children;
  const housing = { tenure: value("tenure") };
  if (given("rent")) housing.rent = { amount: number("rent"), period: "week" };
  if (given("bedrooms")) housing.bedrooms = number("bedrooms");
  if (given("lha")) housing.local_housing_allowance = { amount: number("lha"), period: "week" };
  if (given("council-tax")) housing.council_tax = { amount: number("council-tax"), period: "year" };
  if (given("scheme")) housing.council_tax_reduction_scheme = value("scheme");
  scenario.housing = housing;
  if (given("work-costs")) scenario.work_costs = { amount: number("work-costs"), period: "week" };
  if (given("childcare")) scenario.childcare = { amount: number("childcare"), period: "week" };
  if (given("capital")) scenario.capital = number("capital");
  return scenario;
}

// --- a scenario -> the form (opening a saved case) -------------------------------------------------

function set(id, text) { $(id).value = text === undefined || text === null ? "" : String(text); }

function fillHealth(adult, prefix) {
  const protectedRate = adult.universal_credit_health === "lcwra" && adult.health_element_protected === true;
  set(prefix + "-health", protectedRate ? "lcwra-protected" : adult.universal_credit_health || "none");
  const pip = adult.pip || adult.adult_disability_payment || {};
  set(prefix + "-pip-daily", pip.daily_living || "none");
  if ($(prefix + "-pip-mobility")) set(prefix + "-pip-mobility", pip.mobility || "none");
}

function fillForm(scenario) {
  document.getElementById("household").reset();
  $("children").replaceChildren();
  const [year, month, day] = String(scenario.date || "").split("-");
  set("date-year", year);
  set("date-month", month);
  set("date-day", day);
  set("nation", scenario.nation || "england");
  $("london").checked = Boolean(scenario.in_greater_london);
  const adults = scenario.adults || [];
  const index = Math.max(0, adults.findIndex((a) => a.job));
  const client = adults[index] || {};
  const partner = adults.find((a, i) => i !== index);
  set("client-name", client.name || "Client");
  set("client-age", client.age);
  const job = client.job || {};
  set("job-pay", job.hourly_pay);
  set("job-hours", job.hours);
  set("job-pension", typeof job.pension === "string" ? job.pension : "none");
  fillHealth(client, "client");
  set("client-esa", client.new_style_esa || "none");
  set("client-caring", client.carer ? client.carer.hours_per_week : "");
  $("client-carers-allowance").checked = client.carer ? client.carer.claims_carers_allowance !== false : true;
  $("has-partner").checked = Boolean(partner);
  showPartner();
  if (partner) {
    set("partner-name", partner.name || "Partner");
    set("partner-age", partner.age);
    set("partner-earnings", partner.earnings && partner.earnings.period === "week" ? partner.earnings.amount : "");
    fillHealth(partner, "partner");
  }
  for (const child of scenario.children || []) addChild(child);
  const housing = scenario.housing || {};
  set("tenure", housing.tenure || "none");
  set("rent", housing.rent && housing.rent.period === "week" ? housing.rent.amount : "");
  set("bedrooms", housing.bedrooms);
  set("lha", housing.local_housing_allowance ? housing.local_housing_allowance.amount : "");
  set("council-tax", housing.council_tax && housing.council_tax.period === "year" ? housing.council_tax.amount : "");
  ensureScheme(housing.council_tax_reduction_scheme || "");
  set("work-costs", scenario.work_costs && scenario.work_costs.period === "week" ? scenario.work_costs.amount : "");
  set("childcare", scenario.childcare && scenario.childcare.period === "week" ? scenario.childcare.amount : "");
  set("capital", scenario.capital);
  pipNames();
}

function canonical(data) {
  if (Array.isArray(data)) return "[" + data.map(canonical).join(",") + "]";
  if (data && typeof data === "object") {
    return "{" + Object.keys(data).sort().map((k) => JSON.stringify(k) + ":" + canonical(data[k])).join(",") + "}";
  }
  return typeof data === "string" && data !== "" && !Number.isNaN(Number(data)) ? String(Number(data)) : JSON.stringify(data);
}

// --- children and the partner ------------------------------------------------------------------------

let childCount = 0;

function addChild(child = {}) {
  childCount += 1;
  const n = childCount;
  const item = document.createElement("li");
  item.innerHTML = `<div class="child">
    <div class="field"><label for="child-age-${n}">Age</label>
      <input id="child-age-${n}" class="child-age short" type="text" inputmode="numeric" data-required="Enter the child's age"></div>
    <div class="field"><label for="child-disability-${n}">Disability benefit for the child</label>
      <select id="child-disability-${n}" class="child-disability">
        <option value="none">None</option><option value="lower">Lower rate (DLA, or CDP)</option>
        <option value="higher">Higher rate (highest care, or enhanced)</option></select></div>
    <button type="button" class="secondary remove-child">Remove this child</button></div>`;
  $("children").append(item);
  renumberChildren();
  set(`child-age-${n}`, child.age);
  set(`child-disability-${n}`, child.disability || "none");
  item.querySelector(".remove-child").addEventListener("click", () => {
    item.remove();
    renumberChildren();
    $("add-child").focus();
  });
  return item;
}

function renumberChildren() {
  [...document.querySelectorAll("#children li")].forEach((item, i) => {
    item.querySelector(".child-age").dataset.path = `children[${i}].age`;
    item.querySelector(".child-disability").dataset.path = `children[${i}].disability`;
    item.querySelector("label").textContent = `Child ${i + 1}: age`;
    item.querySelector(".remove-child").textContent = `Remove child ${i + 1}`;
  });
}

function showPartner() {
  const on = checked("has-partner");
  $("partner-fields").hidden = !on;
  $("has-partner").setAttribute("aria-expanded", String(on));
}

function pipNames() {
  const name = value("nation") === "scotland" ? "Adult Disability Payment" : "PIP";
  document.querySelectorAll(".pip-name").forEach((span) => { span.textContent = name; });
}

// --- errors next to their fields ------------------------------------------------------------------

function clearErrors() {
  $("error-summary").hidden = true;
  $("error-list").replaceChildren();
  document.querySelectorAll(".field.error").forEach((field) => field.classList.remove("error"));
  document.querySelectorAll(".field-error.generated").forEach((p) => p.remove());
  document.querySelectorAll("[aria-invalid]").forEach((input) => {
    input.removeAttribute("aria-invalid");
    const ids = (input.getAttribute("aria-describedby") || "").split(" ").filter((id) => !id.endsWith("-error"));
    if (ids.length) input.setAttribute("aria-describedby", ids.join(" ")); else input.removeAttribute("aria-describedby");
  });
  $("scenario-text-error").hidden = true;
}

function fieldFor(path) {
  // The control for a scenario path, or for the nearest path above it ("housing.rent" -> "housing").
  let at = path;
  while (at) {
    const found = document.querySelector(`#household [data-path="${CSS.escape(at)}"]`);
    if (found && !found.closest("[hidden]")) return found;
    const cut = Math.max(at.lastIndexOf("."), at.lastIndexOf("["));
    at = cut > 0 ? at.slice(0, cut) : "";
  }
  return null;
}

function markField(control, message) {
  const errorId = (control.id || "field-" + Math.random().toString(36).slice(2)) + "-error";
  if (control.tagName === "FIELDSET") {
    const p = document.createElement("p");
    p.className = "field-error generated";
    p.id = errorId;
    p.textContent = message;
    control.querySelector("legend").after(p);
    return control;
  }
  if (!control.id) control.id = errorId.replace(/-error$/, "");
  const field = control.closest(".field");
  field.classList.add("error");
  let p = $(errorId);
  if (!p) {
    p = document.createElement("p");
    p.className = "field-error generated";
    p.id = errorId;
    control.before(p);
  }
  p.textContent = p.textContent ? p.textContent + " " + message : message;
  control.setAttribute("aria-invalid", "true");
  const ids = new Set((control.getAttribute("aria-describedby") || "").split(" ").filter(Boolean));
  ids.add(errorId);
  control.setAttribute("aria-describedby", [...ids].join(" "));
  return control;
}

function problems(error) {
  // "adults[0].age: Input should be ...; housing: ..." -> [{path, message}]
  const where = error.where && error.where !== "scenario" && error.where !== "body" ? error.where : "";
  return error.message.split("; ").map((part) => {
    const match = /^([A-Za-z_][\w.\[\]]*): (.+)$/s.exec(part);
    return match ? { path: match[1], message: match[2] } : { path: where, message: part };
  });
}

function showErrors(list) {
  const ul = $("error-list");
  for (const { path, message, control } of list) {
    const target = control || (path ? fieldFor(path) : null);
    const li = document.createElement("li");
    const words = path && !control ? `${path}: ${message}` : message;
    if (target) {
      markField(target, message);
      const a = document.createElement("a");
      a.href = "#" + target.id;
      a.textContent = words;
      a.addEventListener("click", (event) => { event.preventDefault(); target.focus(); });
      li.append(a);
    } else {
      li.textContent = words;
    }
    ul.append(li);
  }
  $("error-summary").hidden = false;
  $("error-summary").focus();
}

function required() {
  const missing = [];
  for (const input of document.querySelectorAll("#household [data-required]")) {
    if (!input.closest("[hidden]") && input.value.trim() === "") missing.push({ control: input, message: input.dataset.required });
  }
  if (checked("has-partner") && !given("partner-age")) missing.push({ control: $("partner-age"), message: "Enter the partner's age" });
  return missing;
}

// --- working it out ---------------------------------------------------------------------------------

function hoursToCompare(scenario) {
  const listed = value("compare-hours") || "0,8,16,24,30";
  const job = scenario.adults && scenario.adults.find((a) => a.job);
  const jobHours = job && job.job && job.job.hours !== undefined ? String(job.job.hours) : "";
  const parts = listed.split(",").map((s) => s.trim()).filter(Boolean);
  if (jobHours && !Number.isNaN(Number(jobHours)) && !parts.some((p) => Number(p) === Number(jobHours))) parts.push(jobHours);
  return parts.sort((a, b) => Number(a) - Number(b)).join(",");
}

async function calculate(scenario, fromText) {
  clearErrors();
  const hours = hoursToCompare(scenario);
  $("calculate").disabled = $("calculate-text").disabled = true;
  try {
    const doc = await api("POST", "/v1/sweep", { scenario, hours, period: "week" });
    state.scenario = scenario;
    state.hours = hours;
    showResults(doc);
    api("POST", "/v1/report", { scenario, hours, format: "chart", period: "week" }, "text")
      .then((html) => { $("chart").innerHTML = html; })
      .catch(() => { $("chart").textContent = "The chart could not be drawn for these hours (at most 10)."; });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 401) return;
    if (fromText) {
      const p = $("scenario-text-error");
      p.textContent = error.message;
      p.hidden = false;
      $("scenario-text").setAttribute("aria-invalid", "true");
      $("scenario-text").focus();
    } else {
      showErrors(problems(error.error));
    }
  } finally {
    $("calculate").disabled = $("calculate-text").disabled = false;
  }
}

const money = (amount) => {
  const text = Math.abs(amount).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (amount < 0 ? "−£" : "£") + text;
};
const hoursText = (h) => (Number.isInteger(h) ? String(h) : h.toFixed(2).replace(/0$/, ""));

function row(table, label, cells, kind = "") {
  const tr = table.insertRow();
  if (kind) tr.className = kind;
  const th = document.createElement("th");
  th.scope = "row";
  th.textContent = label;
  tr.append(th);
  for (const amount of cells) {
    const td = tr.insertCell();
    td.textContent = label === "Better off" && amount > 0 ? "+" + money(amount) : money(amount);
    if (amount < 0) td.className = "negative";
  }
}

function showResults(doc) {
  const points = doc.points;
  $("summary").textContent = doc.summary || `For ${doc.person}, each week at each number of hours.`;
  const table = $("weekly");
  table.replaceChildren();
  const caption = table.createCaption();
  caption.textContent = `£ a week for ${doc.person}'s household, rules ${doc.rules.version} for ${doc.rules.date}`;
  const head = table.createTHead().insertRow();
  const corner = document.createElement("th");
  corner.scope = "col";
  corner.textContent = "Hours a week";
  head.append(corner);
  for (const point of points) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = hoursText(point.hours) + " hours";
    head.append(th);
  }
  const body = table.createTBody();
  row(body, "Pay before tax", points.map((p) => p.gross_earnings));
  row(body, "Income tax, NI and pension", points.map((p) => -(p.income_tax + p.national_insurance + p.pension_contributions)));
  for (const [key, label] of Object.entries(BENEFITS)) {
    if (points.some((p) => p.benefits[key])) row(body, label, points.map((p) => p.benefits[key] || 0));
  }
  row(body, "Money coming in", points.map((p) => p.net_income), "total");
  row(body, "Rent", points.map((p) => -p.housing_costs));
  row(body, "Council tax", points.map((p) => -p.council_tax));
  if (points.some((p) => p.childcare_costs)) row(body, "Childcare", points.map((p) => -p.childcare_costs));
  if (points.some((p) => p.tax_free_childcare)) row(body, "Tax-Free Childcare", points.map((p) => p.tax_free_childcare));
  if (points.some((p) => p.work_costs)) row(body, "Work costs", points.map((p) => -p.work_costs));
  row(body, "Left to live on", points.map((p) => p.disposable_income), "total");
  const last = body.rows.length;
  row(body, "Better off", points.map((p) => p.better_off), "result");
  if (points.some((p) => p.better_off < 0)) body.rows[last].classList.add("worse");

  const cliffs = $("cliffs");
  cliffs.replaceChildren();
  const say = (list, text) => { const li = document.createElement("li"); li.textContent = text; list.append(li); };
  for (const cliff of doc.cliffs) say(cliffs, cliff.message);
  if (!doc.cliffs.length) say(cliffs, `No cliff edges from 0 to ${hoursText(doc.searched_to_hours)} hours a week.`);
  if (doc.break_even_hours !== null) say(cliffs, `Better off than at ${hoursText(doc.baseline_hours)} hours from ${hoursText(doc.break_even_hours)} hours a week.`);
  if (doc.universal_credit_ends_at_hours !== null) say(cliffs, `Universal Credit stops at ${hoursText(doc.universal_credit_ends_at_hours)} hours a week.`);

  const warnings = $("warnings");
  warnings.replaceChildren();
  // What to know at the job's hours (the headline), or at the most hours shown.
  const job = state.scenario.adults.find((a) => a.job);
  const offered = points.find((p) => job && Number(p.hours) === Number(job.job.hours)) || points[points.length - 1];
  for (const warning of offered.warnings || []) say(warnings, warning.message);
  for (const item of doc.not_modelled || []) say(warnings, `Not counted: ${item.item} (${item.reason}).`);
  if (!warnings.children.length) say(warnings, "Nothing more to add for this household.");
  $("results").hidden = false;
  $("first-months-result").hidden = true; // a new answer: the first months are asked for again
  $("results-heading").focus();
  if (!given("case-name")) set("case-name", doc.person);
}

// --- the first months in work (POST /v1/cashflow) ----------------------------------------------------

const longDate = (iso) => new Date(iso + "T12:00:00Z").toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

function firstMonthsError(error) {
  // Next to the months field when the API names it (a count out of range, or months past the rules), else the date.
  const onMonths = error.where === "months";
  const p = $(onMonths ? "first-months-count-error" : "first-day-error");
  p.textContent = error.message.replace(/^months: /, ""); // the field is named by where the message is shown
  p.hidden = false;
  const inputs = onMonths ? [$("first-months-count")] : ["day", "month", "year"].map((part) => $("first-day-" + part));
  for (const input of inputs) input.setAttribute("aria-invalid", "true");
  if (onMonths) $("first-months-count-field").classList.add("error");
  inputs[0].focus();
}

function clearFirstMonthsErrors() {
  $("first-day-error").hidden = $("first-months-count-error").hidden = true;
  $("first-months-count-field").classList.remove("error");
  document.querySelectorAll("#first-months-form input").forEach((input) => input.removeAttribute("aria-invalid"));
}

async function showFirstMonths(event) {
  event.preventDefault();
  if (!state.scenario) return;
  clearFirstMonthsErrors();
  const body = { scenario: state.scenario };
  const parts = ["day", "month", "year"].map((part) => value("first-day-" + part));
  if (parts.some(Boolean)) {
    const [day, month, year] = parts;
    body.start = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  }
  const months = value("first-months-count");
  body.months = /^\d+$/.test(months) ? Number(months) : months;
  $("show-first-months").disabled = true;
  try {
    const doc = await api("POST", "/v1/cashflow", body);
    firstMonthsTable(doc);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status !== 401) firstMonthsError(error.error);
  } finally {
    $("show-first-months").disabled = false;
  }
}

function firstMonthsTable(doc) {
  const table = $("first-months");
  for (const part of [...table.children]) if (part.tagName !== "CAPTION") part.remove();
  $("first-months-caption").textContent = `Each assessment period from ${longDate(doc.start_date)}, ` +
    `paid ${doc.pay_frequency.replace(/_/g, " ")}, first payday ${longDate(doc.first_payday)}`;
  const head = table.createTHead().insertRow();
  for (const label of ["Assessment period", "Paydays", "Pay before tax", "Universal Credit", "Universal Credit paid on"]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = label;
    head.append(th);
  }
  const tight = new Set(doc.tight_periods.map((t) => t.start));
  const body = table.createTBody();
  for (const period of doc.assessment_periods) {
    const tr = body.insertRow();
    if (tight.has(period.start)) tr.className = "result worse";
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = `${longDate(period.start)} to ${longDate(period.end)}` + (tight.has(period.start) ? " (tight)" : "");
    tr.append(th);
    const cells = [
      period.paydays.map((p) => longDate(p.date)).join(", ") || "none",
      money(Number(period.earnings)),
      money(Number(period.universal_credit)),
      longDate(period.payment_date),
    ];
    for (const text of cells) tr.insertCell().textContent = text;
  }
  const words = $("first-months-words");
  words.replaceChildren();
  const say = (text) => { const li = document.createElement("li"); li.textContent = text; words.append(li); };
  for (const t of doc.tight_periods) say(`Tight: ${t.explanation} ${t.help.join(" ")}`);
  for (const a of doc.assumptions) say(`Assumed: ${a}`);
  $("first-months-result").hidden = false;
}

// --- saved cases ------------------------------------------------------------------------------------

function status(text) { $("cases-status").textContent = text; }

function when(iso) {
  return iso ? new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) : "";
}

function caseButton(label, name, action) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "link";
  button.textContent = label;
  button.setAttribute("aria-label", `${label}: ${name}`);
  button.addEventListener("click", action);
  return button;
}

async function listCases() {
  let cases;
  try { cases = (await api("GET", "/v1/cases")).cases; } catch (error) { status(error.message); return; }
  const body = document.querySelector("#case-list tbody");
  body.replaceChildren();
  for (const item of cases) {
    const tr = body.insertRow();
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = item.name;
    tr.append(th);
    tr.insertCell().textContent = when(item.updated);
    tr.insertCell().textContent = item.rules.version + (item.outdated ? " (older rules)" : "");
    const actions = tr.insertCell();
    actions.append(
      caseButton("Open", item.name, () => openCase(item.id)),
      caseButton("Duplicate", item.name, () => duplicateCase(item)),
      caseButton("Rename", item.name, () => renameCase(item, th)),
      caseButton("Export", item.name, () => exportCase(item)),
      caseButton("Delete", item.name, () => deleteCase(item)),
    );
  }
  if (!cases.length) {
    const td = body.insertRow().insertCell();
    td.colSpan = 4;
    td.textContent = "No saved cases yet.";
  }
}

async function saveCase(event) {
  event.preventDefault();
  const p = $("case-name-error");
  p.hidden = true;
  $("case-name").removeAttribute("aria-invalid");
  const fail = (message) => { p.textContent = message; p.hidden = false; $("case-name").setAttribute("aria-invalid", "true"); $("case-name").focus(); };
  if (!state.scenario) { fail("Work the household out first, then save it"); return; }
  if (!given("case-name")) { fail("Give the case a name"); return; }
  try {
    const saved = await api("POST", "/v1/cases", { name: value("case-name"), scenario: state.scenario });
    status(`Saved “${saved.name}”.`);
    await listCases();
  } catch (error) { if (error.status !== 401) fail(error.message); }
}

async function openCase(id) {
  const item = await api("GET", `/v1/cases/${id}`);
  fillForm(item.scenario);
  $("scenario-text").value = JSON.stringify(item.scenario, null, 2);
  set("case-name", item.name);
  const same = canonical(scenarioFromForm()) === canonical(item.scenario);
  const note = $("recalc");
  note.replaceChildren();
  note.hidden = true;
  if (!same) {
    $("full").open = true;
    addNote(note, "This case has details the form does not show: it is worked out from the full scenario below. Work it out from the form to use the form's details only.");
  }
  if (item.outdated) {
    addNote(note, `“${item.name}” was worked out with rules ${item.rules.version}; these are ${item.current_rules.version}.`);
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = "Recalculate with these rules and show what changed";
    button.addEventListener("click", () => recalculate(item));
    note.append(button);
  }
  status(`Opened “${item.name}”.`);
  await calculate(item.scenario, !same);
  if (!note.hidden) note.focus();
}

function addNote(note, text) {
  const p = document.createElement("p");
  p.textContent = text;
  note.append(p);
  note.hidden = false;
}

async function recalculate(item) {
  const answer = await api("POST", `/v1/cases/${item.id}/recalculate`, { save: true });
  const note = $("recalc");
  note.replaceChildren();
  addNote(note, `Worked out again with rules ${answer.new.rules.version} (was ${answer.old.rules.version}).`);
  addNote(note, `Before: ${answer.old.summary || "no headline"}`);
  addNote(note, `Now: ${answer.new.summary || "no headline"}`);
  const table = document.createElement("table");
  table.createCaption().textContent = "What changed, £ a week at the job's hours";
  const head = table.createTHead().insertRow();
  for (const title of ["What", "Before", "Now", "Change"]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = title;
    head.append(th);
  }
  const body = table.createTBody();
  for (const change of answer.changes) {
    const tr = body.insertRow();
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = FIGURES[change.what] || BENEFITS[change.what] || change.what;
    tr.append(th);
    tr.insertCell().textContent = money(change.old);
    tr.insertCell().textContent = money(change.new);
    tr.insertCell().textContent = (change.change > 0 ? "+" : "") + money(change.change);
  }
  if (!answer.changes.length) addNote(note, "Nothing changed for this household.");
  else note.append(table);
  note.focus();
  await listCases();
}

async function duplicateCase(item) {
  const copy = await api("POST", `/v1/cases/${item.id}/duplicate`, {});
  status(`Copied “${item.name}” as “${copy.name}”.`);
  await listCases();
}

function renameCase(item, cell) {
  const form = document.createElement("form");
  form.className = "actions";
  form.innerHTML = `<div class="field inline"><label for="rename-${item.id}">New name</label>
    <input id="rename-${item.id}" type="text" autocomplete="off"></div>
    <button type="submit">Rename</button><button type="button" class="secondary">Cancel</button>`;
  cell.replaceChildren(form);
  const input = form.querySelector("input");
  input.value = item.name;
  input.focus();
  form.querySelector(".secondary").addEventListener("click", () => listCases());
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const renamed = await api("PATCH", `/v1/cases/${item.id}`, { name: input.value });
      status(`Renamed to “${renamed.name}”.`);
      await listCases();
    } catch (error) { status(error.message); input.focus(); }
  });
}

async function exportCase(item) {
  download(await api("GET", `/v1/cases/${item.id}/export?format=yaml`, undefined, "blob"));
  status(`Exported “${item.name}” as a scenario file.`);
}

async function deleteCase(item) {
  if (!window.confirm(`Delete “${item.name}” for good? It cannot be brought back.`)) return;
  await api("DELETE", `/v1/cases/${item.id}`);
  status(`Deleted “${item.name}”.`);
  await listCases();
  $("case-name").focus();
}

async function importCase() {
  const file = $("import-file").files[0];
  const p = $("import-error");
  p.hidden = true;
  if (!file) return;
  const format = /\.json$/i.test(file.name) ? "json" : "yaml";
  try {
    const saved = await api("POST", "/v1/cases/import", { text: await file.text(), format });
    status(`Imported “${saved.name}”.`);
    $("import-file").value = "";
    await listCases();
  } catch (error) {
    p.textContent = error.message;
    p.hidden = false;
    $("import-file").focus();
  }
}

// --- start -------------------------------------------------------------------------------------------

function ensureScheme(id) {
  if (id && ![...$("scheme").options].some((o) => o.value === id)) $("scheme").add(new Option(id, id));
  $("scheme").value = id;
}

async function loadSchemes() {
  const schemes = await api("GET", "/v1/schemes");
  const chosen = value("scheme");
  for (const scheme of schemes) {
    // "Cheshire West and Chester Council: Council Tax Reduction, working age" -> the council's name
    if (scheme.applies_to === "working_age") $("scheme").add(new Option(scheme.name.split(":")[0], scheme.id));
  }
  $("scheme").value = chosen;
}

async function start() {
  try {
    const health = await api("GET", "/v1/health");
    await loadSchemes();
    $("rules-stamp").textContent = `Rules ${health.rules.version}`; // last: the page is ready
    await listCases();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("household").addEventListener("submit", (event) => {
    event.preventDefault();
    clearErrors();
    const missing = required();
    if (missing.length) { showErrors(missing); return; }
    const scenario = scenarioFromForm();
    $("scenario-text").value = JSON.stringify(scenario, null, 2);
    $("recalc").hidden = true;
    calculate(scenario, false);
  });
  $("copy-form").addEventListener("click", () => { $("scenario-text").value = JSON.stringify(scenarioFromForm(), null, 2); });
  $("calculate-text").addEventListener("click", async () => {
    clearErrors();
    const text = $("scenario-text").value;
    const format = /^\s*[\[{]/.test(text) ? "json" : "yaml";
    try {
      const scenario = await api("POST", "/v1/scenario/parse", { text, format });
      await calculate(scenario, true);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status === 401) return;
      const p = $("scenario-text-error");
      p.textContent = error.message;
      p.hidden = false;
      $("scenario-text").setAttribute("aria-invalid", "true");
      $("scenario-text").focus();
    }
  });
  $("download-pdf").addEventListener("click", async () => {
    if (!state.scenario) return;
    const body = { scenario: state.scenario, hours: state.hours, format: "pdf", period: "week" };
    if (given("adviser")) body.adviser = value("adviser");
    try { download(await api("POST", "/v1/report", body, "blob")); } catch (error) { if (error.status !== 401) window.alert(error.message); }
  });
  $("first-months-form").addEventListener("submit", showFirstMonths);
  $("add-child").addEventListener("click", () => addChild().querySelector("input").focus());
  $("has-partner").addEventListener("change", showPartner);
  $("nation").addEventListener("change", pipNames);
  $("save-form").addEventListener("submit", saveCase);
  $("import-file").addEventListener("change", importCase);
  $("token-form").addEventListener("submit", (event) => {
    event.preventDefault();
    state.token = value("token");
    sessionStorage.setItem("benefitcalc-token", state.token);
    $("token-panel").hidden = true;
    start();
  });
  start();
});
