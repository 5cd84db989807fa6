package dev.sumbench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.nio.file.Path;

/**
 * Reads sumbench's {@code <run>.meta.json}: one object whose fields are {@link RunMeta}'s components. Fields it does
 * not know are ignored (a newer writer may add some); missing ones are left empty, 0 or {@code false}.
 */
final class RunMetaReader {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false);

    private final Path file;

    RunMetaReader(Path file) {
        this.file = file;
    }

    RunMeta read(String content) {
        try {
            RunMeta meta = MAPPER.readValue(content, RunMeta.class);
            if (meta == null) {
                throw new MalformedResultsException(file, 1, "expected a run metadata object, found null");
            }
            return meta;
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? "the document"
                    : "\"" + e.getPath().get(e.getPath().size() - 1).getFieldName() + "\"";
            throw new MalformedResultsException(file, line(e), "expected run metadata (" + field + " of type "
                    + e.getTargetType().getSimpleName() + "), found " + shortMessage(e), e);
        } catch (JsonProcessingException e) {
            throw new MalformedResultsException(file, line(e), "expected run metadata as JSON, found a syntax error: "
                    + shortMessage(e), e);
        }
    }

    private static long line(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    private static String shortMessage(JsonProcessingException e) {
        String message = e.getOriginalMessage().lines().findFirst().orElse("").strip();
        return message.length() <= 100 ? message : message.substring(0, 97) + "...";
    }
}
