// The live viewer of Sender: builds its filter form from /viewer/catalogue.json, subscribes over WebSocket and
// lists the events as they arrive. Plain JavaScript, no build step, nothing fetched from elsewhere.
"use strict";

(function () {
  /** Rows kept for the display; older ones are dropped (and counted) so that a busy stream never grows the tab. */
  const MAX_ROWS = 500;
  /**
   * The table is redrawn at most this often: a person reads no faster, and a busy stream then costs a few layouts
   * a second rather than one per frame. When a redraw takes long (a slow machine), the next waits four times as
   * long, so that redrawing never takes more than a fifth of the time and the page keeps answering clicks.
   */
  const RENDER_INTERVAL_MS = 250;
  const MAX_RENDER_INTERVAL_MS = 2000;
  /** A message's position (SPEC §9), its last key: read without parsing messages that may never be shown. */
  const POSITION = /"position"\s*:\s*"([A-Za-z0-9._:-]{0,64})"\s*}\s*$/;

  const $ = (id) => document.getElementById(id);
  const form = $("subscription");
  const kindSelect = $("kind");
  const account = $("account");
  /** The rows, newest first: elements of a grid, so that rows out of sight cost no layout (content-visibility). */
  const list = $("rows");

  let catalogue = null;
  /** The label of each gender an event carries as a number, from the catalogue: {"0": "female", "1": "male"}. */
  const genders = {};
  /** The rendered row of each table row, for its raw message. */
  const rowOf = new WeakMap();

  const state = {
    wanted: false,          // the user asked to be subscribed
    attempt: 0,             // counts the connections begun, so that a stale one gives up
    socket: null,
    kind: "handler",
    query: null,            // URLSearchParams of the subscription, reserved parameters included
    historyOffered: true,   // false once the server refused history=1 (off, or a server without it)
    lastPosition: null,     // the last "position" a message carried (SPEC §9), to resume from
    reconnectDelay: 1000,
    reconnectTimer: null,
    paused: false,
    received: 0,
    dropped: 0,
    lastSecondReceived: 0,
    sequence: 0,
    rows: [],               // the newest MAX_ROWS rows, oldest first
    renderedUpTo: 0,        // the sequence of the newest row in the table
    frameRequested: false,
    lastRender: 0,
    renderInterval: RENDER_INTERVAL_MS
  };

  function showKind() {
    state.kind = kindSelect.value;
    for (const fieldset of $("filters").querySelectorAll("fieldset")) {
      const active = fieldset.dataset.kind === state.kind;
      fieldset.hidden = !active;
      fieldset.disabled = !active;   // disabled controls are neither validated nor sent
    }
    const handler = state.kind === "handler";
    $("account-field").hidden = !handler;
    account.disabled = !handler;
  }

  async function loadCatalogue() {
    const response = await fetch("catalogue.json", {cache: "no-cache"});
    if (!response.ok) {
      throw new Error("the filter catalogue answered " + response.status);
    }
    catalogue = await response.json();
    const gender = catalogue.handler.parameters.find((p) => p.name === "gender");
    if (gender) {
      gender.choices.forEach((c) => { genders[c.value] = c.label; });
    }
    const filters = $("filters");
    filters.replaceChildren(SenderViewerForm.build("handler", catalogue.handler),
        SenderViewerForm.build("general", catalogue.general));
    showKind();
  }

  // ------------------------------------------------------------------ the subscription

  /** The filters of the form, then those of the extra query string. */
  function filterQuery() {
    const query = SenderViewerForm.values(activeFilters());
    for (const [name, value] of new URLSearchParams($("extra").value.trim())) {
      query.append(name, value);
    }
    return query;
  }

  function activeFilters() {
    return $("filters").querySelector("fieldset[data-kind='" + state.kind + "']");
  }

  /** The subscription's URL: the filters, the account and token, and what history asks (SPEC §9). */
  function subscriptionUrl(scheme) {
    const query = new URLSearchParams(state.query);
    if (state.lastPosition !== null) {
      query.set("since", state.lastPosition);
    } else if (state.historyOffered) {
      query.set("history", "1");
    }
    const path = catalogue[state.kind].path.replace(/^\//, "");
    const url = new URL(path, new URL("../", location.href));
    url.search = query.toString();
    if (scheme === "ws") {
      url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    }
    return url.toString();
  }

  /**
   * Asks the server about the subscription before opening it: a browser's WebSocket cannot read the error of a
   * refused upgrade, but the same URL fetched without upgrade headers is validated in full (token, account,
   * filters) and then refused only as "not a WebSocket upgrade" (12014), or with the error the upgrade would get.
   * Returns null when the subscription is valid, else {text, history, network}.
   */
  async function check() {
    let response;
    try {
      response = await fetch(subscriptionUrl("http"), {cache: "no-store", headers: {Accept: "application/json"}});
    } catch (error) {
      return {text: "the server cannot be reached (" + error.message + ")", network: true};
    }
    let body = null;
    try {
      body = await response.json();
    } catch (ignored) {
      // not a Sender error body
    }
    if (body && body.error_code === 12014) {
      return null;
    }
    if (body && body.error_code !== undefined) {
      return {
        text: body.error_code + " " + body.desc + ": " + body.detail,
        history: body.error_code === 12012 && /'(history|since)'/.test(body.detail)
      };
    }
    return {text: "the server answered " + response.status + " " + response.statusText};
  }

  async function connect() {
    const attempt = ++state.attempt;
    state.reconnectTimer = null;
    setStatus("connecting", "checking the subscription…");
    let refusal = await check();
    if (refusal && refusal.history && state.historyOffered && attempt === state.attempt) {
      state.historyOffered = false;
      state.lastPosition = null;
      refusal = await check();
    }
    if (!state.wanted || attempt !== state.attempt) {
      return;
    }
    if (refusal && refusal.network) {
      retryLater(refusal.text);
      return;
    }
    if (refusal) {
      stop();
      showError(refusal.text);
      setStatus("error", "refused");
      return;
    }
    open(subscriptionUrl("ws"));
  }

  function open(url) {
    const socket = new WebSocket(url);
    state.socket = socket;
    socket.onopen = () => {
      state.reconnectDelay = 1000;
      clearError();
      setStatus(state.paused ? "paused" : "live", state.paused ? "paused" : "live");
      // The filters fold away while events flow; the line above the table says what is asked.
      form.querySelectorAll("details").forEach((details) => { details.open = false; });
      $("query").textContent = "Subscribed: " + shownQuery(url);
      $("query").hidden = false;
    };
    socket.onmessage = (message) => receive(message.data);
    socket.onclose = (closed) => {
      if (state.socket !== socket) {
        return;
      }
      state.socket = null;
      if (!state.wanted) {
        setStatus("idle", "not subscribed");
      } else if (closed.code === 4001) {
        stop();
        showError("The token expired (close code 4001): give a fresh one and subscribe again.");
        setStatus("closed", "token expired");
      } else {
        retryLater("connection closed (" + closed.code + (closed.reason ? " " + closed.reason : "") + ")");
      }
    };
  }

  /** The path and query of {@code url} as the page shows them: without the token. */
  function shownQuery(url) {
    const shown = new URL(url);
    if (shown.searchParams.has("access_token")) {
      shown.searchParams.set("access_token", "…");
    }
    return decodeURIComponent(shown.pathname + shown.search);
  }

  /** Reconnects after a growing delay; from the last position seen when messages carried one. */
  function retryLater(why) {
    const seconds = state.reconnectDelay / 1000;
    setStatus("closed", why + "; reconnecting in " + seconds + " s");
    state.reconnectTimer = setTimeout(connect, state.reconnectDelay);
    state.reconnectDelay = Math.min(state.reconnectDelay * 2, 15000);
  }

  function stop() {
    state.wanted = false;
    state.attempt++;
    clearTimeout(state.reconnectTimer);
    state.reconnectTimer = null;
    const socket = state.socket;
    state.socket = null;
    if (socket) {
      socket.close(1000);
    }
    $("subscribe").disabled = false;
    $("unsubscribe").disabled = true;
    $("query").hidden = true;
  }

  function subscribe(event) {
    event.preventDefault();
    clearError();
    if (!catalogue) {
      showError("The filter catalogue is not loaded yet.");
      return;
    }
    SenderViewerForm.check(activeFilters());
    if (!form.checkValidity()) {
      const invalid = form.querySelector(":invalid:not(fieldset)");
      showError("Fix the filter first: " + (invalid.dataset.parameter || invalid.name) + ": "
          + invalid.validationMessage);
      form.reportValidity();
      return;
    }
    stop();
    const query = filterQuery();
    if (state.kind === "handler") {
      query.set("luna_account_id", account.value.trim());
    }
    const token = $("token").value.trim();
    if (token !== "") {
      query.set("access_token", token);
    }
    state.query = query;
    state.lastPosition = null;
    state.historyOffered = true;
    state.reconnectDelay = 1000;
    state.wanted = true;
    $("subscribe").disabled = true;
    $("unsubscribe").disabled = false;
    connect();
  }

  // ------------------------------------------------------------------ the stream

  /** Keeps the message; it is parsed only if it is still in the buffer when the table is redrawn. */
  function receive(text) {
    state.received++;
    const position = POSITION.exec(text);
    if (position) {
      state.lastPosition = position[1];
    }
    state.rows.push({sequence: ++state.sequence, raw: text, arrived: Date.now()});
    if (state.rows.length > MAX_ROWS) {
      state.rows.shift();
      state.dropped++;
    }
    requestFrame();
  }

  function requestFrame() {
    if (!state.frameRequested) {
      state.frameRequested = true;
      const wait = Math.max(0, state.lastRender + state.renderInterval - performance.now());
      setTimeout(() => requestAnimationFrame(render), wait);
    }
  }

  /** In a frame: the counters, and, unless paused, the rows that arrived since the last render. */
  function render(now) {
    state.frameRequested = false;
    state.lastRender = now;
    const start = performance.now();
    if (!state.paused) {
      const fresh = state.rows.filter((row) => row.sequence > state.renderedUpTo);
      if (fresh.length >= MAX_ROWS || list.childElementCount === 0) {
        list.replaceChildren(...state.rows.slice().reverse().map(rowElement));
      } else if (fresh.length > 0) {
        const fragment = document.createDocumentFragment();
        for (let i = fresh.length - 1; i >= 0; i--) {
          fragment.append(rowElement(fresh[i]));
        }
        list.prepend(fragment);
        while (list.childElementCount > MAX_ROWS) {
          list.lastElementChild.remove();
        }
      }
      state.renderedUpTo = state.sequence;
    }
    $("received").textContent = state.received;
    $("dropped").textContent = state.dropped;
    $("shown").textContent = list.childElementCount;
    void list.offsetHeight;   // lays the rows out now, so that the cost below includes the layout
    const cost = performance.now() - start;
    state.renderInterval = Math.min(MAX_RENDER_INTERVAL_MS, Math.max(RENDER_INTERVAL_MS, 4 * cost));
  }

  function rowElement(row) {
    if (!row.cells) {
      let message;
      try {
        message = JSON.parse(row.raw);
      } catch (error) {
        message = {};
      }
      row.cells = SenderViewerRows.summary(message, row.arrived, genders);
    }
    const element = document.createElement("div");
    element.className = "row";
    element.setAttribute("role", "row");
    row.cells.forEach((text, i) => {
      const cell = document.createElement("span");
      cell.className = SenderViewerRows.COLUMNS[i];
      cell.setAttribute("role", "cell");
      cell.textContent = text;   // event data is text, never markup
      if (i > 0) {
        cell.title = text;
      }
      element.append(cell);
    });
    rowOf.set(element, row);
    return element;
  }

  // ------------------------------------------------------------------ the page's controls

  function setStatus(name, words) {
    const status = $("status");
    status.dataset.state = name;
    status.textContent = words;
  }

  function showError(text) {
    const error = $("error");
    error.textContent = text;
    error.hidden = false;
  }

  function clearError() {
    $("error").hidden = true;
    $("error").textContent = "";
  }

  function togglePause() {
    state.paused = !state.paused;
    const button = $("pause");
    button.setAttribute("aria-pressed", String(state.paused));
    button.textContent = state.paused ? "Resume" : "Pause";
    if (state.socket && state.socket.readyState === WebSocket.OPEN) {
      setStatus(state.paused ? "paused" : "live", state.paused ? "paused" : "live");
    }
    if (!state.paused) {
      state.renderedUpTo = 0;   // the table may be far behind: redraw it from the buffer
      list.replaceChildren();
    }
    requestFrame();
  }

  function clear() {
    state.rows = [];
    state.received = 0;
    state.dropped = 0;
    state.lastSecondReceived = 0;
    state.renderedUpTo = state.sequence;
    list.replaceChildren();
    $("details").hidden = true;
    $("rate").textContent = "0";
    requestFrame();
  }

  function showDetails(event) {
    const element = event.target.closest(".row");
    const row = element && rowOf.get(element);
    if (!row) {
      return;
    }
    for (const selected of list.querySelectorAll(".row.selected")) {
      selected.classList.remove("selected");
    }
    element.classList.add("selected");
    let pretty = row.raw;
    try {
      pretty = JSON.stringify(JSON.parse(row.raw), null, 2);
    } catch (ignored) {
      // shown as received
    }
    $("raw").textContent = pretty;
    $("details").hidden = false;
  }

  form.addEventListener("submit", subscribe);
  kindSelect.addEventListener("change", showKind);
  $("unsubscribe").addEventListener("click", () => {
    stop();
    setStatus("idle", "not subscribed");
  });
  $("pause").addEventListener("click", togglePause);
  $("clear").addEventListener("click", clear);
  list.addEventListener("click", showDetails);
  $("close-details").addEventListener("click", () => { $("details").hidden = true; });
  setInterval(() => {
    $("rate").textContent = state.received - state.lastSecondReceived;
    state.lastSecondReceived = state.received;
  }, 1000);
  loadCatalogue().catch((error) => showError("The viewer cannot start: " + error.message));
})();
