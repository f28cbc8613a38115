package dev.sender.server.internal.http;

import dev.sender.core.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.jspecify.annotations.Nullable;

/**
 * Files packed in the jar under one classpath folder, served as they are. Only the names given up front, or
 * matching a pattern given up front, are served, looked up as whole names: a path that is not one of them (with
 * {@code ..}, a slash or an escape the pattern does not allow) is {@code 404 12013}, so no request reaches another
 * resource. Each answer carries its media type, a strong
 * {@code ETag} and {@code Cache-Control: no-cache}: a browser keeps the file and revalidates it, and an unchanged
 * file costs a {@code 304} without a body, while a new server version is seen at once.
 */
public final class StaticFiles {

    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "png", "image/png",
            "svg", "image/svg+xml",
            "txt", "text/plain; charset=utf-8");

    private final String folder;
    private final Predicate<String> served;
    /** The files read so far, by name; a file is read on its first request and kept. */
    private final Map<String, File> files = new ConcurrentHashMap<>();

    private record File(byte[] bytes, String mediaType, String etag) {
    }

    private StaticFiles(String folder, Predicate<String> served) {
        this.folder = folder.endsWith("/") ? folder : folder + "/";
        this.served = served;
    }

    /**
     * The files {@code names} of the classpath folder {@code folder} (such as {@code /dev/sender/server/viewer}).
     *
     * @param folder the absolute classpath folder
     * @param names the file names served, each with an extension this class knows the media type of
     * @return the files
     * @throws IllegalArgumentException for a name of unknown media type
     */
    public static StaticFiles of(String folder, Set<String> names) {
        Set<String> copy = Set.copyOf(names);
        copy.forEach(StaticFiles::mediaType);
        return new StaticFiles(folder, copy::contains);
    }

    /**
     * The files of the classpath folder {@code folder} whose names (paths below it) match {@code names}, such as
     * {@code images/[a-z0-9-]+\.png}; a name that matches but names no file is {@code 404 12013}.
     *
     * @param folder the absolute classpath folder
     * @param names the pattern of the names served, which must allow no {@code ..} and only known extensions
     * @return the files
     */
    public static StaticFiles matching(String folder, Pattern names) {
        return new StaticFiles(folder, name -> names.matcher(name).matches());
    }

    /**
     * Answers {@code exchange} with the file {@code name}: {@code 200} with its bytes, {@code 304} when the
     * request's {@code If-None-Match} names its current {@code ETag}, or {@code 404 12013}.
     *
     * @param exchange the request to answer
     * @param name the file name, as the request path gives it
     */
    public void serve(Exchange exchange, String name) {
        File file = served.test(name) ? files.computeIfAbsent(name, this::read) : null;
        if (file == null) {
            exchange.sendError(ErrorCode.RESOURCE_NOT_FOUND, "no file '" + name + "' at '" + exchange.path() + "'");
            return;
        }
        exchange.response().getHeaders().put(HttpHeader.ETAG, file.etag());
        exchange.response().getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        exchange.response().getHeaders().put("X-Content-Type-Options", "nosniff");
        if (matches(exchange.listHeader(HttpHeader.IF_NONE_MATCH.asString()), file.etag())) {
            exchange.response().setStatus(304);
            exchange.response().write(true, null, exchange.callback());
            return;
        }
        exchange.send(200, file.mediaType(), file.bytes());
    }

    /** The file, or null when there is none (which is not cached). */
    private @Nullable File read(String name) {
        String path = folder + name;
        try (InputStream in = StaticFiles.class.getResourceAsStream(path)) {
            if (in == null) {
                return null;
            }
            byte[] bytes = in.readAllBytes();
            return new File(bytes, mediaType(name), etag(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mediaType(String name) {
        String type = MEDIA_TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        if (type == null) {
            throw new IllegalArgumentException("no media type known for '" + name + "'");
        }
        return type;
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Whether {@code ifNoneMatch} (RFC 9110 §13.1.2: {@code *} or a list of tags, weak ones too) names {@code etag}. */
    private static boolean matches(@Nullable String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String trimmed = tag.trim();
            if (trimmed.equals("*") || trimmed.equals(etag) || trimmed.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
