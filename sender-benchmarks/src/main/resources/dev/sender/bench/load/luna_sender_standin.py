"""A stand-in of LUNA PLATFORM 5's Sender stack for sender-bench's peer-python scenario.

LUNA's Sender is a Python aiohttp service fed by Redis pub/sub: handlers PUBLISH each batch of events on
``luna-sender:{account_id}`` and Sender, subscribed to those channels, parses every message, matches each event
against the filters of the account's WebSocket subscribers and sends it to each match as a text frame. This
script is that path in miniature, with Debian's python3-aiohttp and python3-redis (redis.asyncio):

* ``POST /{api}/publish`` (SPEC 2.3) validates the body and PUBLISHes LUNA's payload (SPEC 6) to Redis;
* ``GET /{api}/ws`` (SPEC 1, 3) subscribes with ``Luna-Account-Id`` and the filters ``sources``,
  ``stream_ids`` and ``handler_ids``; any other filter is refused (400 12012), never ignored;
* one task reads Redis (PSUBSCRIBE ``luna-sender:*``) and sends each event (SPEC 2.1) to every matching
  subscriber of its account, awaiting each send in turn.

It serves the load tool, not users: no other resource, no metrics, no other filters. It prints
``listening <port>`` once it accepts connections and stops on SIGTERM or when its standard input closes.
"""

import argparse
import asyncio
import json
import os
import signal
import sys
import time
import uuid

try:
    import aiohttp
    import redis
    import redis.asyncio as aioredis
    from aiohttp import web
except ImportError as missing:
    print(f"luna_sender_standin: {missing}; it needs Debian's python3-aiohttp and python3-redis (>= 4.2)",
          file=sys.stderr)
    sys.exit(3)

CHANNEL = "luna-sender:"
API_VERSION = "2"
LIST_FILTERS = ("sources", "stream_ids", "handler_ids")
COMPACT = (",", ":")


def error(status, code, desc, detail):
    body = json.dumps({"error_code": code, "desc": desc, "detail": detail})
    return web.Response(status=status, text=body, content_type="application/json")


def not_found(request):
    return error(404, 12013, "Resource not found", f"Page not found: {request.path}")


def account_of(value):
    """The account as a lowercase UUID string, or None when the value is not a UUID."""
    try:
        return str(uuid.UUID(value))
    except (TypeError, ValueError):
        return None


class Subscriber:
    __slots__ = ("ws", "sources", "stream_ids", "handler_ids")

    def __init__(self, ws, filters):
        self.ws = ws
        self.sources = filters.get("sources")
        self.stream_ids = filters.get("stream_ids")
        self.handler_ids = filters.get("handler_ids")

    def matches(self, handler_id, event):
        if self.handler_ids is not None and (handler_id or "").lower() not in self.handler_ids:
            return False
        if self.sources is not None:
            source = event.get("source")
            if not isinstance(source, str) or source not in self.sources:
                return False
        if self.stream_ids is not None:
            stream_id = event.get("stream_id")
            if not isinstance(stream_id, str) or stream_id.lower() not in self.stream_ids:
                return False
        return True


def parse_filters(query):
    """The subscription's filters as sets, or the detail of a 400 12012."""
    filters = {}
    for name in query.keys():
        if name == "luna_account_id":
            continue
        values = query.getall(name)
        if len(values) > 1:
            return None, f"Parameter '{name}' is repeated"
        if name not in LIST_FILTERS:
            return None, f"Parameter '{name}' is not supported by the stand-in"
        items = [v for v in values[0].split(",") if v]
        if name != "sources":
            items = [v.lower() for v in items]
        filters[name] = frozenset(items)
    return filters, None


async def subscribe(request):
    if request.match_info["api"] != API_VERSION:
        return not_found(request)
    header = request.headers.get("Luna-Account-Id")
    raw = header if header is not None else request.query.get("luna_account_id")
    if raw is None:
        return error(403, 29001, "Forbidden", "Luna-Account-Id header is required")
    account = account_of(raw)
    if account is None:
        return error(400, 29010, "Bad header", "Bad header 'Luna-Account-Id'")
    filters, problem = parse_filters(request.query)
    if problem is not None:
        return error(400, 12012, "Bad query parameters", problem)
    ws = web.WebSocketResponse(heartbeat=20.0, compress=False)
    await ws.prepare(request)
    subscribers = request.app["subscribers"]
    subscriber = Subscriber(ws, filters)
    subscribers.setdefault(account, set()).add(subscriber)
    try:
        async for _ in ws:
            pass  # text a client sends is ignored
    finally:
        group = subscribers.get(account)
        if group is not None:
            group.discard(subscriber)
            if not group:
                del subscribers[account]
    return ws


async def publish(request):
    if request.match_info["api"] != API_VERSION:
        return not_found(request)
    header = request.headers.get("Luna-Account-Id")
    if header is None:
        return error(400, 12014, "Required parameters not found", "Required header 'Luna-Account-Id' not found")
    account = account_of(header)
    if account is None:
        return error(400, 29010, "Bad header", "Bad header 'Luna-Account-Id'")
    if request.content_type != "application/json":
        return error(400, 12017, "Bad content type", "Bad content type")
    body = await request.read()
    if not body:
        return error(400, 12030, "Request does not contain data", "Request does not contain data")
    try:
        data = json.loads(body)
    except ValueError:
        return error(400, 12002, "Request does not contain json", "Request does not contain json")
    problem = schema_problem(data)
    if problem is not None:
        return error(400, 11027, "Bad/incomplete input data", problem)
    request_id = request.headers.get("Luna-Request-Id") or f"{int(time.time())},{uuid.uuid4()}"
    payload = json.dumps({"handler_id": data["handler_id"], "Luna-Request-Id": request_id, "events": data["events"],
                          "event_create_time": data["event_create_time"], "event_end_time": data["event_end_time"]},
                         separators=COMPACT)
    try:
        await request.app["redis"].publish(CHANNEL + account, payload)
    except redis.RedisError as failure:
        return error(500, 29004, "Failed to publish message", str(failure))
    return web.Response(status=201, headers={"LUNA-Request-Id": request_id})


def schema_problem(data):
    def failed(path, why):
        return f"Failed to validate input json. Path: '{path}',  message: '{why}'"

    if not isinstance(data, dict):
        return failed("", "must be an object")
    for field in ("handler_id", "event_create_time", "event_end_time"):
        if field not in data:
            return failed(field, "field required")
        if not isinstance(data[field], str):
            return failed(field, "must be a string")
    events = data.get("events")
    if events is None:
        return failed("events", "field required")
    if not isinstance(events, list) or not all(isinstance(e, dict) for e in events):
        return failed("events", "must be an array of objects")
    if not events:
        return failed("events", "must not be empty")
    return None


async def relay(app):
    """Reads Redis and sends each event to the matching subscribers of its account (SPEC 2.1)."""
    pubsub = app["redis"].pubsub(ignore_subscribe_messages=True)
    await pubsub.psubscribe(CHANNEL + "*")
    subscribers = app["subscribers"]
    async for message in pubsub.listen():
        if message["type"] != "pmessage":
            continue
        group = subscribers.get(message["channel"][len(CHANNEL):].decode())
        if not group:
            continue
        data = json.loads(message["data"])
        handler_id = data.get("handler_id")
        for event in data.get("events", ()):
            text = None
            for subscriber in tuple(group):
                if not subscriber.matches(handler_id, event):
                    continue
                if text is None:
                    text = json.dumps({"event": event, "handler_id": handler_id,
                                       "event-create-time": data.get("event_create_time"),
                                       "event-end-time": data.get("event_end_time"),
                                       "Luna-Request-id": data.get("Luna-Request-Id")}, separators=COMPACT)
                try:
                    await subscriber.ws.send_str(text)
                except (ConnectionError, RuntimeError):
                    pass  # the subscriber is leaving; its handler removes it


async def serve(host, port, redis_url):
    app = web.Application(client_max_size=16 << 20)
    app["redis"] = aioredis.Redis.from_url(redis_url)
    await app["redis"].ping()
    app["subscribers"] = {}
    app.router.add_post("/{api}/publish", publish)
    app.router.add_get("/{api}/ws", subscribe)
    runner = web.AppRunner(app, access_log=None, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()

    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)

    def on_stdin():
        if not os.read(0, 4096):
            loop.remove_reader(0)
            stop.set()

    loop.add_reader(0, on_stdin)
    relaying = asyncio.create_task(relay(app))
    print(f"listening {runner.addresses[0][1]}", flush=True)
    stopping = asyncio.create_task(stop.wait())
    await asyncio.wait({relaying, stopping}, return_when=asyncio.FIRST_COMPLETED)
    await runner.cleanup()
    await app["redis"].close()
    if relaying.done() and relaying.exception() is not None:
        raise relaying.exception()


def main():
    parser = argparse.ArgumentParser(description="A stand-in of LUNA PLATFORM 5's Sender (aiohttp + Redis).")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0: any free port")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379", help="Redis URL")
    parser.add_argument("--versions", action="store_true", help="print the versions of Python, aiohttp, redis-py")
    args = parser.parse_args()
    if args.versions:
        print(f"Python {sys.version.split()[0]}, aiohttp {aiohttp.__version__}, redis-py {redis.__version__}")
        return
    asyncio.run(serve(args.host, args.port, args.redis))


if __name__ == "__main__":
    main()
