// What a row of the live viewer shows of a message (SPEC §2.1 for handler events, §2.2 for general events).
"use strict";

window.SenderViewerRows = (function () {
  /** The class of each cell, in the order of the columns. */
  const COLUMNS = ["time", "source", "handler", "person", "emotion", "mask", "liveness", "match", "location"];

  function at(object, path) {
    let value = object;
    for (const key of path.split(".")) {
      if (value === null || typeof value !== "object") {
        return undefined;
      }
      value = value[key];
    }
    return value === null ? undefined : value;
  }

  /** A face attribute: from the aggregate, else from the first detection that has it (as the filters read it). */
  function faceAttribute(event, path) {
    const aggregate = at(event, "aggregate_estimations.face.attributes." + path);
    if (aggregate !== undefined) {
      return aggregate;
    }
    for (const detection of Array.isArray(event.detections) ? event.detections : []) {
      const value = at(detection, "samples.face.detection.attributes." + path);
      if (value !== undefined) {
        return value;
      }
    }
    return undefined;
  }

  function time(iso) {
    const date = new Date(iso);
    if (!iso || isNaN(date)) {
      return iso ? String(iso) : "";
    }
    const two = (n) => String(n).padStart(2, "0");
    return two(date.getHours()) + ":" + two(date.getMinutes()) + ":" + two(date.getSeconds()) + "."
        + String(date.getMilliseconds()).padStart(3, "0");
  }

  function topMatch(event) {
    let best = null;
    for (const match of Array.isArray(event.matches) ? event.matches : []) {
      for (const candidate of Array.isArray(match && match.candidates) ? match.candidates : []) {
        const similarity = candidate && candidate.similarity;
        if (typeof similarity === "number" && (best === null || similarity > best.similarity)) {
          best = {label: match.label, similarity};
        }
      }
    }
    return best === null ? "" : (best.label !== undefined ? best.label + " " : "") + best.similarity.toFixed(2);
  }

  function place(event) {
    const where = event.location || {};
    const words = [where.city, where.street, where.house_number].filter((w) => w !== undefined && w !== null);
    if (words.length) {
      return words.join(", ");
    }
    const geo = where.geo_position;
    return geo && geo.latitude !== undefined ? geo.latitude + ", " + geo.longitude : "";
  }

  /**
   * The cells of a row; the time is the event's creation, else when the message arrived ({@code arrived}, in
   * milliseconds); {@code genders} labels the numbers an event carries for a gender.
   */
  function summary(message, arrived, genders) {
    const event = message.event && typeof message.event === "object" ? message.event : {};
    const age = at(event, "face_attributes.basic_attributes.age");
    const gender = at(event, "face_attributes.basic_attributes.gender");
    const person = [typeof age === "number" ? String(Math.round(age)) : "",
      gender === undefined ? "" : genders[String(gender)] || String(gender)].filter((s) => s !== "").join(", ");
    const origin = message.handler_id !== undefined ? message.handler_id : message.event_type;
    return [
      time(message["event-create-time"]) || time(new Date(arrived).toISOString()),
      text(event.source),
      text(origin),
      person,
      text(faceAttribute(event, "emotions.predominant_emotion")),
      text(faceAttribute(event, "mask.predominant_mask")),
      text(faceAttribute(event, "liveness.prediction")),
      topMatch(event),
      place(event)
    ];
  }

  function text(value) {
    return value === undefined || value === null ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
  }

  return {COLUMNS, summary};
})();
