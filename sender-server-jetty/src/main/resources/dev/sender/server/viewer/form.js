// The live viewer's form: one field per filter parameter that /viewer/catalogue.json describes, checked as far as
// a page can before the server checks it all.
"use strict";

window.SenderViewerForm = (function () {
  /** Body attributes go in a group of their own, closed at first. */
  const BODY_PARAMETERS = /^(apparent_|headwear_|sleeve_|upper_clothing_|lower_garment_|shoes_|backpack_)/;
  const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
  const GEO_KEY = "(origin_longitude|origin_latitude|longitude_delta|latitude_delta),-?\\d+(\\.\\d+)?";
  const GEO_BOX = new RegExp("^" + GEO_KEY + "(," + GEO_KEY + ")*$");

  function label(name) {
    return name.replace(/__gte$/, " ≥").replace(/__lt$/, " <").replace(/_/g, " ");
  }

  function control(parameter) {
    const field = document.createElement("label");
    field.append(label(parameter.name));
    let input;
    if (parameter.type === "choice") {
      input = document.createElement("select");
      if (parameter.list) {
        input.multiple = true;
        input.size = Math.min(parameter.choices.length, 4);
      } else {
        input.append(new Option("any", ""));
      }
      for (const choice of parameter.choices) {
        const option = new Option(choice.label, choice.value);
        option.title = parameter.name + "=" + choice.value;
        input.append(option);
      }
    } else {
      input = document.createElement("input");
      input.autocomplete = "off";
      input.spellcheck = false;
      if ((parameter.type === "integer" || parameter.type === "number") && !parameter.list) {
        input.type = "number";
        input.step = parameter.type === "integer" ? "1" : "any";
        if (parameter.minimum !== undefined) input.min = parameter.minimum;
        if (parameter.maximum !== undefined) input.max = parameter.maximum;
      } else if (parameter.type === "geo_box") {
        input.placeholder = "origin_longitude,37.6,origin_latitude,55.7";
      } else if (parameter.list) {
        input.placeholder = parameter.type === "uuid" ? "UUIDs, comma-separated" : "comma-separated";
      } else if (parameter.type === "uuid") {
        input.placeholder = "UUID";
      }
      input.addEventListener("input", () => checkItems(input, parameter));
    }
    input.name = parameter.name;
    input.dataset.parameter = parameter.name;
    field.title = parameter.name;
    field.append(input);
    return field;
  }

  /** The checks a number input or a pattern cannot make: list items, UUIDs, tag lengths, the geo box. */
  function checkItems(input, parameter) {
    const text = input.value.trim();
    let problem = "";
    if (text !== "") {
      const items = parameter.list ? text.split(",") : [text];
      for (const item of items) {
        if (item === "") {
          problem = "an empty item";
        } else if (parameter.type === "uuid" && !UUID.test(item)) {
          problem = "'" + item + "' is not a UUID";
        } else if (parameter.max_length !== undefined && [...item].length > parameter.max_length) {
          problem = "'" + item + "' is longer than " + parameter.max_length + " characters";
        } else if (parameter.type === "geo_box" && !GEO_BOX.test(item)) {
          problem = "expected origin_longitude,X,origin_latitude,Y[,longitude_delta,DX][,latitude_delta,DY]";
        }
        if (problem) break;
      }
    }
    input.setCustomValidity(problem ? parameter.name + ": " + problem : "");
  }

  function group(title, parameters, open) {
    const details = document.createElement("details");
    details.open = open;
    const summary = document.createElement("summary");
    summary.textContent = title;
    const grid = document.createElement("div");
    grid.className = "grid";
    parameters.forEach((p) => grid.append(control(p)));
    details.append(summary, grid);
    return details;
  }

  function buildForm(kind, description) {
    const fieldset = document.createElement("fieldset");
    fieldset.dataset.kind = kind;
    const body = description.parameters.filter((p) => BODY_PARAMETERS.test(p.name));
    const rest = description.parameters.filter((p) => !BODY_PARAMETERS.test(p.name));
    fieldset.append(group(kind === "handler" ? "Filters: source, match, face, location" : "Filters", rest, true));
    if (body.length) {
      fieldset.append(group("Filters: body", body, false));
    }
    return fieldset;
  }

  /** The filters set in {@code fieldset}, a fieldset {@link buildForm} made, by parameter name. */
  function values(fieldset) {
    const query = new URLSearchParams();
    for (const input of fieldset.querySelectorAll("[data-parameter]")) {
      const value = input.multiple ? [...input.selectedOptions].map((o) => o.value).join(",") : input.value.trim();
      if (value !== "") {
        query.append(input.dataset.parameter, value);
      }
    }
    return query;
  }

  /** Runs the checks of {@link checkItems} on every text field of {@code fieldset}. */
  function check(fieldset) {
    for (const input of fieldset.querySelectorAll("input[data-parameter]")) {
      input.dispatchEvent(new Event("input"));
    }
  }

  return {build: buildForm, values, check};
})();
