package dev.sender.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sender.core.ErrorCode;
import dev.sender.core.LunaHeaders;
import dev.sender.server.internal.http.Route;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The OpenAPI document served at {@code /docs/spec}: complete and consistent with SPEC.md and the server. */
class OpenApiDocumentTest {

    private static final String RESOURCE = "/dev/sender/server/openapi.yaml";
    private static final String ERROR_SCHEMA = "#/components/schemas/Error";
    private static final String REQUEST_ID_PARAMETER = "#/components/parameters/LunaRequestId";
    private static final String REQUEST_ID_PATTERN =
            "^[0-9]{10},[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$";
    private static final Set<String> HTTP_METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** Every resource of SPEC §1: path and method. */
    private static final Map<String, String> SPEC_OPERATIONS = new LinkedHashMap<>();

    static {
        SPEC_OPERATIONS.put("/version", "get");
        SPEC_OPERATIONS.put("/{api}/ws", "get");
        SPEC_OPERATIONS.put("/{api}/general_events/ws", "get");
        SPEC_OPERATIONS.put("/{api}/publish", "post");
        SPEC_OPERATIONS.put("/{api}/general_events/publish", "post");
        SPEC_OPERATIONS.put("/docs/spec", "get");
        SPEC_OPERATIONS.put("/docs/dev", "get");
        SPEC_OPERATIONS.put("/docs/dev/{page}", "get");
        SPEC_OPERATIONS.put("/config", "get");
        SPEC_OPERATIONS.put("/plugins", "get");
        SPEC_OPERATIONS.put("/metrics", "get");
        SPEC_OPERATIONS.put("/healthcheck", "get");
    }

    /** Every query parameter of SPEC §3. */
    private static final List<String> HANDLER_FILTERS = List.of("handler_ids", "sources", "stream_ids", "tags",
            "user_data", "matching_candidates_labels", "object_similarity__gte", "object_similarity__lt", "age__gte",
            "age__lt", "gender", "ethnic_groups", "liveness", "deepfake", "masks", "emotions", "geo_position",
            "cities", "areas", "districts", "streets", "house_numbers", "apparent_gender", "apparent_age__gte",
            "apparent_age__lt", "headwear_states", "headwear_colors", "sleeve_lengths", "upper_clothing_colors",
            "lower_garment_colors", "lower_garment_types", "shoes_colors", "backpack_states");

    /** Every fixed query parameter of SPEC §4. */
    private static final List<String> GENERAL_FILTERS = List.of("event_type", "account_id", "sources", "stream_ids",
            "geo_position", "cities", "areas", "districts", "streets", "house_numbers");

    /** The reserved parameters of SPEC §9, on both subscription paths. */
    private static final List<String> HISTORY_PARAMETERS = List.of("history", "since", "rewind");

    /** Every error code of SPEC §5. */
    private static final List<Integer> SPEC_ERROR_CODES = List.of(1, 11027, 12002, 12012, 12013, 12014, 12017,
            12021, 12024, 12030, 29001, 29004, 29010, 29011, 29012, 29020, 29021);

    private static String text;
    private static JsonNode doc;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as("classpath resource %s", RESOURCE).isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        doc = new ObjectMapper(new YAMLFactory()).readTree(text);
    }

    // ---------------------------------------------------------------- document

    @Test
    void isAnOpenApi3Document_forSender() {
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        assertThat(doc.path("info").path("title").asText()).isEqualTo("Sender");
        assertThat(doc.path("info").path("version").asText()).isEqualTo("2");
        assertThat(doc.path("info").path("description").asText())
                .contains("LUNA PLATFORM 5").contains("Sender API").contains("version 2");
    }

    @Test
    void topLevelDescription_documentsCloseCodesPingsAndDelivery() {
        String description = doc.path("info").path("description").asText();

        assertThat(description).contains("1001", "4008", "1009", "1011");
        assertThat(description).containsIgnoringCase("ping").containsIgnoringCase("at-most-once")
                .containsIgnoringCase("order");
    }

    @Test
    void everyRef_resolvesToANodeOfTheDocument() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);

        assertThat(refs).isNotEmpty();
        assertThat(refs).allSatisfy(ref -> {
            assertThat(ref).startsWith("#/");
            assertThat(doc.at(ref.substring(1)).isMissingNode()).as("target of %s", ref).isFalse();
        });
    }

    // ---------------------------------------------------------------- paths

    /** Resources the server adds to those of the SPEC: the files of the API page, and the live viewer. */
    private static final Set<String> EXTENSION_PATHS = Set.of("/docs/spec/ui/{file}", "/viewer",
            "/viewer/catalogue.json", "/viewer/{file}");

    @Test
    void describesEveryResourceOfTheSpec_withItsMethod() {
        SPEC_OPERATIONS.forEach((path, method) ->
                assertThat(doc.path("paths").path(path).has(method)).as("%s %s", method, path).isTrue());
        Set<String> paths = new LinkedHashSet<>(SPEC_OPERATIONS.keySet());
        paths.addAll(EXTENSION_PATHS);
        assertThat(names(doc.path("paths"))).containsExactlyInAnyOrderElementsOf(paths);
    }

    @Test
    void describesExactlyTheRoutesTheServerAnswers() {
        Set<String> routes = new TreeSet<>();
        for (Route route : Route.values()) {
            routes.add(route.method().toLowerCase(Locale.ROOT) + " " + route.template());
        }
        Set<String> documented = new TreeSet<>();
        forEachOperation((where, op) -> documented.add(where));

        assertThat(documented).isEqualTo(routes);
    }

    @Test
    void everyOperation_acceptsTheSharedRequestIdHeader() {
        forEachOperation((where, op) -> assertThat(op.path("parameters").findValuesAsText("$ref"))
                .as(where).contains(REQUEST_ID_PARAMETER));
        JsonNode header = doc.at("/components/parameters/LunaRequestId");
        assertThat(header.path("name").asText()).isEqualTo(LunaHeaders.REQUEST_ID);
        assertThat(header.path("in").asText()).isEqualTo("header");
        assertThat(header.path("schema").path("pattern").asText()).isEqualTo(REQUEST_ID_PATTERN);
    }

    @Test
    void accountHeader_isARequiredUuid_onPublish_andOnHandlerSubscriptionsUnlessTheQueryGivesIt() {
        JsonNode publish = parameter(operation("post /{api}/publish"), "header", LunaHeaders.ACCOUNT_ID);
        assertThat(publish.path("required").asBoolean()).isTrue();
        assertThat(publish.path("schema").path("format").asText()).isEqualTo("uuid");

        JsonNode header = parameter(operation("get /{api}/ws"), "header", LunaHeaders.ACCOUNT_ID);
        JsonNode query = parameter(operation("get /{api}/ws"), "query", "luna_account_id");
        for (JsonNode account : List.of(header, query)) {
            assertThat(account.path("required").asBoolean()).isFalse();
            assertThat(account.path("schema").path("format").asText()).isEqualTo("uuid");
        }
        assertThat(header.path("description").asText()).contains("luna_account_id", "29001");
        assertThat(query.path("description").asText()).contains("Luna-Account-Id", "29010", "never a filter");
        assertThat(parameter(operation("get /{api}/general_events/ws"), "header", LunaHeaders.ACCOUNT_ID)).isNull();
        assertThat(parameter(operation("get /{api}/general_events/ws"), "query", "luna_account_id")).isNull();
    }

    @Test
    void versionedPaths_takeTheApiVersionTwo() {
        forEachOperation((where, op) -> {
            if (!where.contains("{api}")) {
                return;
            }
            JsonNode api = parameter(op, "path", "api");
            assertThat(api).as(where).isNotNull();
            assertThat(api.path("required").asBoolean()).isTrue();
            assertThat(api.path("schema").path("type").asText()).isEqualTo("integer");
            assertThat(ints(api.path("schema").path("enum"))).containsExactly(2);
        });
    }

    @Test
    void acceptAndContentTypeHeaders_areDocumented() {
        assertThat(texts(parameter(operation("get /docs/spec"), "header", "Accept").path("schema").path("enum")))
                .containsExactlyInAnyOrder("application/x-yaml", "text/html");
        assertThat(texts(parameter(operation("get /config"), "header", "Accept").path("schema").path("enum")))
                .containsExactlyInAnyOrder("application/json", "text/plain");
        for (String where : List.of("post /{api}/publish", "post /{api}/general_events/publish")) {
            assertThat(parameter(operation(where), "header", "Content-Type")).as(where).isNotNull();
        }
    }

    // ---------------------------------------------------------------- filters

    @Test
    void handlerSubscription_takesEveryFilterOfSection3_andTheReservedParameters() {
        Set<String> parameters = new LinkedHashSet<>(HANDLER_FILTERS);
        parameters.add("luna_account_id");
        parameters.addAll(HISTORY_PARAMETERS);
        assertThat(queryParameters(operation("get /{api}/ws")).keySet()).containsExactlyInAnyOrderElementsOf(parameters);
    }

    @Test
    void generalSubscription_takesEveryFixedFilterOfSection4_andDescribesUserFilters() {
        Map<String, JsonNode> query = queryParameters(operation("get /{api}/general_events/ws"));

        assertThat(query.keySet()).containsAll(GENERAL_FILTERS);
        assertThat(query.keySet()).containsAll(HISTORY_PARAMETERS);
        List<String> others = query.keySet().stream().filter(name -> !GENERAL_FILTERS.contains(name)
                && !HISTORY_PARAMETERS.contains(name)).toList();
        assertThat(others).singleElement().asString().startsWith("event.");
        String pattern = query.get(others.get(0)).path("description").asText()
                + operation("get /{api}/general_events/ws").path("description").asText();
        assertThat(pattern).contains("eq", "ne", "gt", "gte", "lt", "lte", "in", "nin", "like")
                .contains("string", "integer", "numeric", "boolean").contains("none");
    }

    @Test
    void filterSchemas_carryTheirTypesRangesAndEnums() {
        Map<String, JsonNode> query = queryParameters(operation("get /{api}/ws"));

        for (String name : List.of("apparent_age__gte", "apparent_age__lt")) {
            JsonNode schema = query.get(name).path("schema");
            assertThat(schema.path("type").asText()).as(name).isEqualTo("integer");
            assertThat(schema.path("minimum").asInt()).as(name).isZero();
            assertThat(schema.path("maximum").asInt()).as(name).isEqualTo(100);
        }
        for (String name : List.of("object_similarity__gte", "object_similarity__lt")) {
            JsonNode schema = query.get(name).path("schema");
            assertThat(schema.path("type").asText()).as(name).isEqualTo("number");
            assertThat(schema.path("minimum").asDouble()).as(name).isZero();
            assertThat(schema.path("maximum").asDouble()).as(name).isEqualTo(1.0);
        }
        for (String name : List.of("age__gte", "age__lt")) {
            assertThat(query.get(name).path("schema").path("type").asText()).as(name).isEqualTo("integer");
        }
        assertThat(query.get("gender").path("schema").path("type").asText()).isEqualTo("integer");
        assertThat(ints(query.get("gender").path("schema").path("enum"))).containsExactly(0, 1);
        assertThat(query.get("tags").path("description").asText()).contains("36");
        assertThat(query.get("geo_position").path("description").asText())
                .contains("origin_longitude", "origin_latitude", "longitude_delta", "latitude_delta", "0.01");
    }

    static Stream<Arguments> enumeratedLists() {
        List<String> palette = List.of("black", "blue", "green", "gray", "orange", "purple", "red", "white", "yellow",
                "pink", "brown", "beige", "khaki", "multicolored", "undefined");
        return Stream.of(
                Arguments.of("ethnic_groups", List.of("1", "2", "3", "4")),
                Arguments.of("liveness", List.of("0", "1", "2")),
                Arguments.of("deepfake", List.of("0", "1")),
                Arguments.of("masks", List.of("1", "2", "3")),
                Arguments.of("emotions", List.of("1", "2", "3", "4", "5", "6", "7")),
                Arguments.of("apparent_gender", List.of("0", "1", "2")),
                Arguments.of("headwear_states", List.of("0", "1", "2")),
                Arguments.of("headwear_colors", List.of("black", "other", "white", "undefined")),
                Arguments.of("sleeve_lengths", List.of("short", "long", "undefined")),
                Arguments.of("upper_clothing_colors", palette),
                Arguments.of("lower_garment_colors", palette),
                Arguments.of("lower_garment_types", List.of("trousers", "shorts", "skirt", "undefined")),
                Arguments.of("shoes_colors", List.of("black", "other", "white", "undefined")),
                Arguments.of("backpack_states", List.of("0", "1", "2")));
    }

    @ParameterizedTest
    @MethodSource("enumeratedLists")
    void enumeratedListFilter_isACommaSeparatedString_listingItsItems(String name, List<String> items) {
        JsonNode parameter = queryParameters(operation("get /{api}/ws")).get(name);
        assertThat(parameter).as("query parameter %s", name).isNotNull();
        JsonNode schema = parameter.path("schema");

        assertThat(schema.path("type").asText()).isEqualTo("string");
        assertThat(texts(schema.path("x-items-enum"))).containsExactlyElementsOf(items);
        assertThat(parameter.path("description").asText()).containsIgnoringCase("comma-separated");
        String example = parameter.has("example") ? parameter.path("example").asText()
                : schema.path("example").asText();
        assertThat(example).isNotEmpty();
        assertThat(List.of(example.split(","))).allSatisfy(item -> assertThat(items).contains(item));
        Pattern pattern = Pattern.compile(schema.path("pattern").asText());
        assertThat(pattern.matcher(String.join(",", items)).matches()).isTrue();
        assertThat(pattern.matcher(items.get(0) + ",bogus").matches()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("everyFilter")
    void everyFilter_hasASchemaADescriptionAndAnExample(String where, String name) {
        JsonNode parameter = queryParameters(operation(where)).get(name);
        assertThat(parameter).as("query parameter %s of %s", name, where).isNotNull();
        assertThat(parameter.path("schema").path("type").asText()).isIn("string", "integer", "number");
        assertThat(parameter.path("description").asText()).isNotBlank();
        assertThat(parameter.has("example") || parameter.path("schema").has("example")).isTrue();
    }

    static Stream<Arguments> everyFilter() {
        return Stream.concat(HANDLER_FILTERS.stream().map(name -> Arguments.of("get /{api}/ws", name)),
                GENERAL_FILTERS.stream().map(name -> Arguments.of("get /{api}/general_events/ws", name)));
    }

    // ---------------------------------------------------------------- bodies and messages

    @Test
    void publishBodies_haveTheirSchemas() {
        assertThat(operation("post /{api}/publish").at("/requestBody/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/HandlerPublishRequest");
        assertThat(operation("post /{api}/general_events/publish")
                .at("/requestBody/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/GeneralPublishRequest");

        JsonNode handler = doc.at("/components/schemas/HandlerPublishRequest");
        assertThat(texts(handler.path("required")))
                .containsExactlyInAnyOrder("events", "handler_id", "event_create_time", "event_end_time");
        assertThat(handler.path("additionalProperties").isBoolean()).isTrue();
        assertThat(handler.path("additionalProperties").asBoolean()).isFalse();
        JsonNode events = handler.path("properties").path("events");
        assertThat(events.path("type").asText()).isEqualTo("array");
        assertThat(events.path("minItems").asInt()).isEqualTo(1);
        assertThat(resolve(events.path("items")).path("type").asText()).isEqualTo("object");

        JsonNode general = doc.at("/components/schemas/GeneralPublishRequest");
        assertThat(texts(general.path("required"))).containsExactlyInAnyOrder("event", "event_type");
        assertThat(names(general.path("properties")))
                .containsExactlyInAnyOrder("event", "event_type", "account_id", "event_create_time", "event_end_time");
        assertThat(general.at("/properties/account_id/format").asText()).isEqualTo("uuid");
    }

    @Test
    void messages_useTheKeySpellingsOfTheProtocol() {
        JsonNode handler = doc.at("/components/schemas/HandlerEventMessage");
        assertThat(names(handler.path("properties"))).containsExactlyInAnyOrder(
                "event", "handler_id", "event-create-time", "event-end-time", "Luna-Request-id", "position");
        assertThat(texts(handler.path("required"))).containsExactlyInAnyOrder(
                "event", "handler_id", "event-create-time", "event-end-time", "Luna-Request-id");

        JsonNode general = doc.at("/components/schemas/GeneralEventMessage");
        assertThat(names(general.path("properties"))).containsExactlyInAnyOrder(
                "event", "event_type", "account_id", "event-create-time", "event-end-time", "position");
        assertThat(texts(general.path("required"))).doesNotContain("position");
        for (String nullable : List.of("account_id", "event-create-time", "event-end-time")) {
            assertThat(general.path("properties").path(nullable).path("nullable").asBoolean()).as(nullable).isTrue();
        }
    }

    @Test
    void history_isDocumentedOnBothSubscriptionPaths_asSection9Says() {
        for (String where : List.of("get /{api}/ws", "get /{api}/general_events/ws")) {
            Map<String, JsonNode> query = queryParameters(operation(where));
            assertThat(texts(query.get("history").path("schema").path("enum"))).as(where).containsExactly("1");
            assertThat(query.get("since").path("schema").path("maxLength").asInt()).as(where).isEqualTo(64);
            assertThat(query.get("rewind").path("schema").path("minimum").asInt()).as(where).isEqualTo(1);
            for (String name : HISTORY_PARAMETERS) {
                assertThat(query.get(name).path("description").asText()).as("%s %s", where, name)
                        .contains("400 12012");
            }
            JsonNode headers = response(where, "101").path("headers");
            assertThat(resolve(headers.path("Sender-Position")).path("schema").path("pattern").asText())
                    .isEqualTo("^[A-Za-z0-9._:-]*$");
            assertThat(texts(resolve(headers.path("Sender-Recovered")).path("schema").path("enum")))
                    .containsExactly("true", "false");
        }
        JsonNode position = doc.at("/components/schemas/Position");
        assertThat(position.path("pattern").asText()).isEqualTo("^[A-Za-z0-9._:-]{1,64}$");
        assertThat(position.path("description").asText()).contains("last top-level key");
        assertThat(doc.path("info").path("description").asText()).contains("Sender-Position", "Sender-Recovered",
                "since=", "rewind=");
    }

    @Test
    void serviceAnswers_haveTheirSchemas() {
        JsonNode error = doc.at("/components/schemas/Error");
        assertThat(error.at("/properties/error_code/type").asText()).isEqualTo("integer");
        assertThat(error.at("/properties/desc/type").asText()).isEqualTo("string");
        assertThat(error.at("/properties/detail/type").asText()).isEqualTo("string");

        assertThat(names(schemaOf("get /version", "200", "application/json").at("/properties/Version/properties")))
                .contains("api", "major", "minor", "patch");
        assertThat(schemaOf("get /healthcheck", "200", "application/json")
                .at("/properties/execution_time/type").asText()).isEqualTo("number");
        assertThat(schemaOf("get /plugins", "200", "application/json")
                .at("/properties/plugins/items/properties").has("running")).isTrue();
    }

    @Test
    void successAnswers_matchTheSpec() {
        assertThat(response("get /{api}/ws", "101")).isNotNull();
        assertThat(response("get /{api}/general_events/ws", "101")).isNotNull();
        assertThat(response("post /{api}/publish", "201")).isNotNull();
        assertThat(response("post /{api}/general_events/publish", "201")).isNotNull();
        assertThat(response("get /docs/dev", "302").path("headers").has("Location")).isTrue();
        assertThat(names(response("get /docs/spec", "200").path("content")))
                .containsExactlyInAnyOrder("application/x-yaml", "text/html");
        assertThat(names(response("get /config", "200").path("content")))
                .containsExactlyInAnyOrder("application/json", "text/plain");
        assertThat(names(response("get /docs/dev/{page}", "200").path("content"))).containsExactly("text/html");
        assertThat(names(response("get /metrics", "200").path("content"))).containsExactly("text/plain");
    }

    // ---------------------------------------------------------------- responses and errors

    @Test
    void everyResponse_carriesTheRequestIdHeader() {
        forEachOperation((where, op) -> op.path("responses").properties().forEach(status ->
                assertThat(resolve(resolve(status.getValue()).path("headers").path(LunaHeaders.RESPONSE_REQUEST_ID)).has("schema"))
                        .as("%s %s", where, status.getKey()).isTrue()));
    }

    @Test
    void everyOperation_hasAnErrorResponse_andEveryErrorResponseUsesTheErrorSchema() {
        forEachOperation((where, op) -> {
            int errors = 0;
            for (Map.Entry<String, JsonNode> status : op.path("responses").properties()) {
                if (status.getKey().startsWith("4") || status.getKey().startsWith("5")) {
                    errors++;
                    JsonNode response = resolve(status.getValue());
                    assertThat(names(response.path("content"))).as("%s %s", where, status.getKey())
                            .containsExactly("application/json");
                    assertThat(response.at("/content/application~1json/schema/$ref").asText())
                            .as("%s %s", where, status.getKey()).isEqualTo(ERROR_SCHEMA);
                }
            }
            assertThat(errors).as(where).isPositive();
        });
    }

    /** The one status HTTP gives a refusal of its own: a WebSocket version other than 13 (RFC 6455 §4.4). */
    private static final int UPGRADE_REQUIRED = 426;

    @Test
    void everyErrorExample_travelsWithTheHttpStatusOfItsCode() {
        forEachOperation((where, op) -> op.path("responses").properties().forEach(status -> {
            for (int code : exampleCodes(resolve(status.getValue()))) {
                assertThat(ErrorCode.of(code)).as("%s %s: %d", where, status.getKey(), code).isPresent();
                int httpStatus = Integer.parseInt(status.getKey());
                assertThat(httpStatus == UPGRADE_REQUIRED && code == ErrorCode.REQUIRED_PARAMETERS_NOT_FOUND.code()
                        ? httpStatus : ErrorCode.of(code).orElseThrow().httpStatus())
                        .as("%s %s: %d", where, status.getKey(), code).isEqualTo(httpStatus);
            }
        }));
    }

    static Stream<Arguments> errorsBySpec() {
        return Stream.of(
                Arguments.of("get /{api}/ws", "400", List.of(12012, 12014, 29010)),
                Arguments.of("get /{api}/ws", "401", List.of(29020)),
                Arguments.of("get /{api}/ws", "403", List.of(29001, 29021)),
                Arguments.of("get /{api}/ws", "404", List.of(12013)),
                Arguments.of("get /{api}/ws", "405", List.of(12021)),
                Arguments.of("get /{api}/ws", "426", List.of(12014)),
                Arguments.of("get /{api}/ws", "500", List.of(1)),
                Arguments.of("get /{api}/ws", "503", List.of(29012)),
                Arguments.of("get /{api}/general_events/ws", "400", List.of(12012, 12014, 29010)),
                Arguments.of("get /{api}/general_events/ws", "401", List.of(29020)),
                Arguments.of("get /{api}/general_events/ws", "403", List.of(29021)),
                Arguments.of("get /{api}/general_events/ws", "404", List.of(12013)),
                Arguments.of("get /{api}/general_events/ws", "405", List.of(12021)),
                Arguments.of("get /{api}/general_events/ws", "426", List.of(12014)),
                Arguments.of("get /{api}/general_events/ws", "503", List.of(29012)),
                Arguments.of("post /{api}/publish", "400", List.of(11027, 12002, 12014, 12017, 12030, 29010)),
                Arguments.of("post /{api}/publish", "401", List.of(29020)),
                Arguments.of("post /{api}/publish", "403", List.of(29021)),
                Arguments.of("post /{api}/publish", "404", List.of(12013)),
                Arguments.of("post /{api}/publish", "405", List.of(12021)),
                Arguments.of("post /{api}/publish", "413", List.of(29011)),
                Arguments.of("post /{api}/publish", "500", List.of(1, 29004)),
                Arguments.of("post /{api}/general_events/publish", "400", List.of(11027, 12002, 12017, 12030, 29010)),
                Arguments.of("post /{api}/general_events/publish", "401", List.of(29020)),
                Arguments.of("post /{api}/general_events/publish", "403", List.of(29021)),
                Arguments.of("post /{api}/general_events/publish", "404", List.of(12013)),
                Arguments.of("post /{api}/general_events/publish", "413", List.of(29011)),
                Arguments.of("post /{api}/general_events/publish", "500", List.of(1, 29004)),
                Arguments.of("get /docs/spec", "415", List.of(12024)),
                Arguments.of("get /docs/dev/{page}", "404", List.of(12013)),
                Arguments.of("get /config", "401", List.of(29020)),
                Arguments.of("get /config", "403", List.of(29021)),
                Arguments.of("get /config", "415", List.of(12024)),
                Arguments.of("get /healthcheck", "502", List.of(29013)),
                Arguments.of("get /version", "400", List.of(29010)));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("errorsBySpec")
    void errorResponse_namesExactlyTheCodesTheSpecGivesIt(String where, String status, List<Integer> codes) {
        JsonNode response = response(where, status);

        assertThat(response).as("%s %s", where, status).isNotNull();
        String description = response.path("description").asText();
        assertThat(codes).allSatisfy(code -> assertThat(description).containsPattern("\\b" + code + "\\b"));
        assertThat(new TreeSet<>(exampleCodes(response))).containsExactlyInAnyOrderElementsOf(codes);
    }

    @Test
    void handlerSubscriptionErrors_areExactlyThoseOfTheSpec() {
        assertThat(names(operation("get /{api}/ws").path("responses")))
                .containsExactlyInAnyOrder("101", "400", "401", "403", "404", "405", "426", "500", "503");
        assertThat(names(operation("get /{api}/general_events/ws").path("responses")))
                .containsExactlyInAnyOrder("101", "400", "401", "403", "404", "405", "426", "500", "503");
        assertThat(names(operation("post /{api}/publish").path("responses")))
                .containsExactlyInAnyOrder("201", "400", "401", "403", "404", "405", "413", "500");
        assertThat(names(operation("get /healthcheck").path("responses"))).contains("200", "502");
    }

    @Test
    void everyErrorCode_isDocumented() {
        Set<Integer> documented = new TreeSet<>();
        forEachOperation((where, op) -> op.path("responses").properties()
                .forEach(status -> documented.addAll(exampleCodes(resolve(status.getValue())))));

        for (int code : SPEC_ERROR_CODES) {
            assertThat(text).as("error code %d", code).containsPattern("\\b" + code + "\\b");
            assertThat(documented).as("error code %d in a response example", code).contains(code);
        }
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(documented).as("%s", code).contains(code.code());
            assertThat(text).as("%s", code).contains(code.desc());
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void forEachOperation(BiConsumer<String, JsonNode> action) {
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (HTTP_METHODS.contains(op.getKey())) {
                    action.accept(op.getKey() + " " + path.getKey(), op.getValue());
                }
            }
        }
    }

    /** The operation {@code "method path"}. */
    private static JsonNode operation(String where) {
        int space = where.indexOf(' ');
        JsonNode op = doc.path("paths").path(where.substring(space + 1)).path(where.substring(0, space));
        assertThat(op.isObject()).as("operation %s", where).isTrue();
        return op;
    }

    private static JsonNode response(String where, String status) {
        JsonNode response = operation(where).path("responses").path(status);
        return response.isMissingNode() ? null : resolve(response);
    }

    private static JsonNode schemaOf(String where, String status, String mediaType) {
        return resolve(response(where, status).path("content").path(mediaType).path("schema"));
    }

    /** The parameter of {@code op} (references resolved) in {@code in} called {@code name}, or null. */
    private static JsonNode parameter(JsonNode op, String in, String name) {
        for (JsonNode reference : op.path("parameters")) {
            JsonNode p = resolve(reference);
            if (p.path("in").asText().equals(in) && p.path("name").asText().equals(name)) {
                return p;
            }
        }
        return null;
    }

    private static Map<String, JsonNode> queryParameters(JsonNode op) {
        Map<String, JsonNode> query = new LinkedHashMap<>();
        for (JsonNode reference : op.path("parameters")) {
            JsonNode p = resolve(reference);
            if (p.path("in").asText().equals("query")) {
                assertThat(query.put(p.path("name").asText(), p)).as("repeated %s", p.path("name")).isNull();
            }
        }
        return query;
    }

    /** The error codes of the examples of a response's JSON content. */
    private static List<Integer> exampleCodes(JsonNode response) {
        List<Integer> codes = new ArrayList<>();
        JsonNode json = response.path("content").path("application/json");
        for (JsonNode example : json.path("examples")) {
            JsonNode value = resolve(example).path("value");
            if (value.has("error_code")) {
                codes.add(value.path("error_code").asInt());
            }
        }
        if (json.path("example").has("error_code")) {
            codes.add(json.path("example").path("error_code").asInt());
        }
        return codes;
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref"); hops++) {
            assertThat(hops).as("reference chain from %s", node).isLessThan(10);
            String ref = current.path("$ref").asText();
            current = doc.at(ref.substring(1));
            assertThat(current.isMissingNode()).as("target of %s", ref).isFalse();
        }
        return current;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collectRefs(element, refs);
            }
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new LinkedHashSet<>();
        object.properties().forEach(field -> names.add(field.getKey()));
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(value -> {
            assertThat(value.isInt()).as("%s is an integer", value).isTrue();
            values.add(value.asInt());
        });
        return values;
    }
}
