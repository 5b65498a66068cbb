package dev.signals.router.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a config document into {@link ConfigNode}s that remember their line, column and key
 * path. Accepts {@code //} and {@code /* *}{@code /} comments and trailing commas; refuses
 * duplicate keys, which in a config are always a mistake.
 */
public final class ConfigParser {

    /** Buffers not recycled through a ThreadLocal: a pooled thread would keep the application's class loader. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.nonRecyclingPool())
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();

    private ConfigParser() {
    }

    /**
     * Parses {@code text}.
     *
     * @param source the file name used in error messages
     * @throws ConfigException for malformed JSON, located
     */
    public static ConfigNode parse(String text, String source) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new ConfigException(source, 1, 1, "", "the file is empty; expected a JSON object");
            }
            ConfigNode root = read(p, source, "");
            if (p.nextToken() != null) {
                JsonLocation at = p.currentTokenLocation();
                throw new ConfigException(source, at.getLineNr(), at.getColumnNr(), "",
                        "unexpected content after the end of the document");
            }
            return root;
        } catch (JsonParseException e) {
            JsonLocation at = e.getLocation();
            String path = currentPath(e.getProcessor() instanceof JsonParser ? (JsonParser) e.getProcessor() : null);
            // Not chained to the parser's exception: its message quotes the text it choked on,
            // which may be a secret whose quotes an edit dropped.
            throw new ConfigException(source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    path, "malformed JSON: " + withoutQuotedText(e.getOriginalMessage()), null);
        } catch (IOException e) {
            throw new ConfigException(source, 0, 0, "", "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * The parser's description up to the first text it quotes ({@code Unrecognized token
     * 'sk_live_…'} becomes {@code Unrecognized token}): the line and column locate the problem;
     * the config's own text is never repeated into stderr or a signal.
     */
    static String withoutQuotedText(String message) {
        if (message == null) {
            return "unreadable";
        }
        int cut = message.length();
        for (char c : new char[] {'\'', '"', '(', '\n'}) {
            int at = message.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        String kept = message.substring(0, cut).strip();
        while (kept.endsWith(":")) {
            kept = kept.substring(0, kept.length() - 1).strip();
        }
        return kept.isEmpty() ? "unexpected text" : kept;
    }

    private static ConfigNode read(JsonParser p, String source, String path) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int col = at.getColumnNr();
        switch (p.currentToken()) {
            case START_OBJECT: {
                Map<String, ConfigNode> members = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    members.put(key, read(p, source, path.isEmpty() ? key : path + "." + key));
                }
                return ConfigNode.object(members, source, line, col, path);
            }
            case START_ARRAY: {
                List<ConfigNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, source, path + "[" + items.size() + "]"));
                }
                return ConfigNode.array(items, source, line, col, path);
            }
            case VALUE_STRING:
                return ConfigNode.scalar(ConfigNode.Kind.STRING, p.getText(), source, line, col, path);
            case VALUE_NUMBER_INT:
                return ConfigNode.scalar(ConfigNode.Kind.NUMBER,
                        p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : (Number) p.getLongValue(),
                        source, line, col, path);
            case VALUE_NUMBER_FLOAT:
                return ConfigNode.scalar(ConfigNode.Kind.NUMBER, p.getDoubleValue(), source, line, col, path);
            case VALUE_TRUE:
                return ConfigNode.scalar(ConfigNode.Kind.BOOLEAN, Boolean.TRUE, source, line, col, path);
            case VALUE_FALSE:
                return ConfigNode.scalar(ConfigNode.Kind.BOOLEAN, Boolean.FALSE, source, line, col, path);
            default:
                return ConfigNode.scalar(ConfigNode.Kind.NULL, null, source, line, col, path);
        }
    }

    private static String currentPath(JsonParser p) {
        if (p == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        appendPath(p.getParsingContext(), sb);
        return sb.toString();
    }

    private static void appendPath(com.fasterxml.jackson.core.JsonStreamContext ctx, StringBuilder sb) {
        if (ctx == null || ctx.inRoot()) {
            return;
        }
        appendPath(ctx.getParent(), sb);
        if (ctx.inObject() && ctx.getCurrentName() != null) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(ctx.getCurrentName());
        } else if (ctx.inArray()) {
            sb.append('[').append(Math.max(0, ctx.getCurrentIndex())).append(']');
        }
    }
}
