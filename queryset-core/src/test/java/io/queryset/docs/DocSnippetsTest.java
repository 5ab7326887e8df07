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

    /** Pages other authors write in parallel: links to them are allowed before they exist. */
    private static final List<String> PAGES_IN_PROGRESS = List.of("configuration.md", "spring-boot.md", "testing.md",
            "databases.md", "sample-app.md");
    private static final Pattern LINK = Pattern.compile("\\]\\(([a-z0-9-]+\\.md)?(?:#([^)]+))?\\)");

    @Test
    void everyLinkBetweenPagesReachesAPageAndAHeading() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> pages = Files.list(DOCS)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                String text = Files.readString(page);
                Matcher m = LINK.matcher(text);
                while (m.find()) {
                    String target = m.group(1) == null ? page.getFileName().toString() : m.group(1);
                    Path targetPath = DOCS.resolve(target);
                    if (!Files.exists(targetPath)) {
                        if (!PAGES_IN_PROGRESS.contains(target)) {
                            problems.add(page.getFileName() + ": no page " + target);
                        }
                        continue;
                    }
                    if (m.group(2) != null && !anchors(Files.readAllLines(targetPath)).contains(m.group(2))) {
                        problems.add(page.getFileName() + ": no heading #" + m.group(2) + " in " + target);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** GitHub's anchors for the headings of a page: lower case, punctuation dropped, spaces as hyphens. */
    private static List<String> anchors(List<String> lines) {
        List<String> out = new ArrayList<>();
        boolean code = false;
        for (String line : lines) {
            if (line.startsWith("```")) {
                code = !code;
            }
            if (!code && line.startsWith("#")) {
                String title = line.replaceFirst("^#+\\s*", "").toLowerCase(java.util.Locale.ROOT);
                out.add(title.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return out;
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
