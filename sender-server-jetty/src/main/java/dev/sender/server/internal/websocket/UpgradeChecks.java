package dev.sender.server.internal.websocket;

import dev.sender.core.ErrorCode;
import dev.sender.server.internal.http.Exchange;
import java.util.Base64;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;

/**
 * The checks of RFC 6455 §4.2.1 on a subscription's handshake, made before the upgrade so that every refusal is
 * an ordinary LUNA error response: not an upgrade request at all ({@code 400 12014}), a
 * {@code Sec-WebSocket-Version} other than 13 ({@code 426} naming the version to use, §4.4), a missing key
 * ({@code 400 12014}) or one that is not 16 bytes in base64 ({@code 400 29010}).
 */
final class UpgradeChecks {

    /** The only WebSocket version there is (RFC 6455). */
    static final String VERSION = "13";
    private static final int KEY_BYTES = 16;

    private UpgradeChecks() {
    }

    /** Whether the handshake of {@code exchange} may be upgraded; otherwise it has been answered. */
    static boolean accept(Exchange exchange) {
        if (!exchange.request().getConnectionMetaData().getHttpVersion().equals(HttpVersion.HTTP_1_1)
                || !exchange.request().getHeaders().contains(HttpHeader.UPGRADE, "websocket")
                || !exchange.request().getHeaders().contains(HttpHeader.CONNECTION, "upgrade")) {
            exchange.sendError(ErrorCode.REQUIRED_PARAMETERS_NOT_FOUND,
                    "a subscription needs a WebSocket upgrade request over HTTP/1.1 (headers 'Upgrade: websocket', "
                            + "'Connection: Upgrade', 'Sec-WebSocket-Key', 'Sec-WebSocket-Version: 13')");
            return false;
        }
        String version = exchange.singleHeader(HttpHeader.SEC_WEBSOCKET_VERSION.asString());
        if (!VERSION.equals(version == null ? null : version.trim())) {
            exchange.response().getHeaders().put(HttpHeader.SEC_WEBSOCKET_VERSION, VERSION);
            exchange.sendError(ErrorCode.REQUIRED_PARAMETERS_NOT_FOUND, 426, version == null
                    ? "header 'Sec-WebSocket-Version' is required; use 13"
                    : "WebSocket version '" + version + "' is not supported; use 13");
            return false;
        }
        String key = exchange.singleHeader(HttpHeader.SEC_WEBSOCKET_KEY.asString());
        if (key == null) {
            exchange.sendError(ErrorCode.REQUIRED_PARAMETERS_NOT_FOUND, "header 'Sec-WebSocket-Key' is required");
            return false;
        }
        if (!isKey(key.trim())) {
            exchange.sendError(ErrorCode.BAD_HEADER, "header 'Sec-WebSocket-Key' must be 16 bytes in base64 "
                    + "(24 characters, such as 'dGhlIHNhbXBsZSBub25jZQ=='); got '" + key + "'");
            return false;
        }
        return true;
    }

    private static boolean isKey(String key) {
        try {
            return key.length() == 24 && Base64.getDecoder().decode(key).length == KEY_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
