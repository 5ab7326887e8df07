package io.queryset.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the Java examples of docs/*.md and the doc tests that run them in step.
 *
 * <p>A Markdown code block preceded by {@code <!-- checked by LookupsDocTest#textLookups -->} is run by that test
 * method: every code line of the block (trimmed, its trailing {@code //} comment dropped) must appear as a line of the
 * method's body. Blocks without the marker (model declarations, configuration, controllers) are not checked.
 */
class DocSnippetsTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static final Path TESTS = Path.of("src", "test", "java", "io", "queryset", "docs");
    private static final Pattern MARKER = Pattern.compile("<!-- checked by (\\w+)#(\\w+) -->");

    /** The pages that must have checked examples. */
    private static final List<String> CHECKED_PAGES = List.of("queryset-reference.md", "lookups.md",
            "coming-from-django.md", "coming-from-spring-data-r2dbc.md");

    @Test
    void everyCheckedExampleIsTheCodeItsTestRuns() throws IOException {
        List<String> problems = new ArrayList<>();
        int blocks = 0;
        try (Stream<Path> pages = Files.list(DOCS)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                List<String> lines = Files.readAllLines(page);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = MARKER.matcher(lines.get(i).trim());
                    if (!m.matches()) {
                        continue;
                    }
                    blocks++;
                    String where = page.getFileName() + ":" + (i + 1);
                    if (i + 1 >= lines.size() || !lines.get(i + 1).trim().equals("```java")) {
                        problems.add(where + ": the marker is not followed by a ```java block");
                        continue;
                    }
                    List<String> body = methodBody(m.group(1), m.group(2), where, problems);
                    if (body == null) {
                        continue;
                    }
                    for (int j = i + 2; j < lines.size() && !lines.get(j).trim().equals("```"); j++) {
                        String code = code(lines.get(j));
                        if (!code.isEmpty() && !body.contains(code)) {
                            problems.add(page.getFileName() + ":" + (j + 1) + ": not in " + m.group(1) + "#" + m.group(2)
                                    + ": " + code);
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(blocks).isGreaterThan(0);
    }

    @Test
    void everyDocumentedPageHasCheckedExamples() throws IOException {
        for (String page : CHECKED_PAGES) {
            assertThat(Files.readString(DOCS.resolve(page))).as(page).containsPattern(MARKER);
        }
    }

    /** The code lines of {@code className.method}'s body, normalised like the Markdown's, or null with a problem. */
    private static List<String> methodBody(String className, String method, String where, List<String> problems)
            throws IOException {
        Path source = TESTS.resolve(className + ".java");
        if (!Files.exists(source)) {
            problems.add(where + ": no test class " + source);
            return null;
        }
        List<String> lines = Files.readAllLines(source);
        Pattern start = Pattern.compile("^    (?:public |private |static )*[\\w<>?,\\[\\] ]+ " + method + "\\(.*");
        for (int i = 0; i < lines.size(); i++) {
            if (start.matcher(lines.get(i)).matches()) {
                List<String> body = new ArrayList<>();
                for (int j = i + 1; j < lines.size() && !lines.get(j).equals("    }"); j++) {
                    body.add(code(lines.get(j)));
                }
                return body;
            }
        }
        problems.add(where + ": no method " + method + " in " + className);
        return null;
    }

    /** A line trimmed, without its trailing {@code //} comment; empty for comments and {@code ...}. */
    static String code(String line) {
        boolean inString = false;
        char quote = 0;
        String s = line;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    inString = false;
                }
            } else if (c == '"' || c == '\'') {
                inString = true;
                quote = c;
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                s = s.substring(0, i);
                break;
            }
        }
        s = s.trim();
        return s.equals("...") ? "" : s;
    }
}
