package dev.mx.lsp;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Strict LSP base-protocol framing for tests: {@code Content-Length} (and optional
 * {@code Content-Type}) headers, a blank line, then exactly that many bytes of JSON. Anything else
 * on the stream is an error, which is how the tests prove that stdout carries only JSON-RPC.
 */
final class JsonRpcFrames {

    private JsonRpcFrames() {
    }

    static byte[] frame(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] header = ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[header.length + body.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(body, 0, all, header.length, body.length);
        return all;
    }

    static byte[] request(int id, String method, String paramsJson) {
        return frame("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\""
                + (paramsJson == null ? "" : ",\"params\":" + paramsJson) + "}");
    }

    static byte[] notification(String method) {
        return frame("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\"}");
    }

    static String initializeParams() {
        return "{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}";
    }

    /**
     * Reads the next frame, or returns null at a clean end of stream (no bytes before EOF).
     *
     * @throws IOException when the stream holds anything that is not a well-formed frame
     */
    static JsonObject read(InputStream in) throws IOException {
        int length = -1;
        boolean first = true;
        while (true) {
            String line = readHeaderLine(in, first);
            if (line == null) {
                return null;
            }
            first = false;
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IOException("not a JSON-RPC header line: " + quote(line));
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                try {
                    length = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    throw new IOException("bad Content-Length: " + quote(value));
                }
            } else if (!name.equals("content-type")) {
                throw new IOException("unexpected header: " + quote(line));
            }
        }
        if (length < 0) {
            throw new IOException("frame without Content-Length");
        }
        byte[] body = in.readNBytes(length);
        if (body.length != length) {
            throw new EOFException("frame body cut short: " + body.length + " of " + length + " bytes");
        }
        String text = new String(body, StandardCharsets.UTF_8);
        JsonElement json;
        try {
            json = JsonParser.parseString(text);
        } catch (RuntimeException e) {
            throw new IOException("frame body is not JSON: " + quote(text), e);
        }
        if (!json.isJsonObject() || !json.getAsJsonObject().has("jsonrpc")) {
            throw new IOException("frame body is not a JSON-RPC message: " + quote(text));
        }
        return json.getAsJsonObject();
    }

    private static String readHeaderLine(InputStream in, boolean atFrameStart) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (atFrameStart && line.size() == 0) {
                    return null;
                }
                throw new EOFException("stream ended inside a header: "
                        + quote(line.toString(StandardCharsets.US_ASCII)));
            }
            if (b == '\r') {
                int next = in.read();
                if (next != '\n') {
                    throw new IOException("header line not ended by CRLF: "
                            + quote(line.toString(StandardCharsets.US_ASCII)));
                }
                return line.toString(StandardCharsets.US_ASCII);
            }
            if (b == '\n' || line.size() > 1000) {
                throw new IOException("not a JSON-RPC header: "
                        + quote(line.toString(StandardCharsets.US_ASCII) + (char) b));
            }
            line.write(b);
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r") + "\"";
    }
}
