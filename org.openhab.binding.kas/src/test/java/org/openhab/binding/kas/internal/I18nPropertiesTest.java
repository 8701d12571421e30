/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
 *
 * See the NOTICE file(s) distributed with this work for additional
 * information.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * http://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.openhab.binding.kas.internal;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Checks {@code OH-INF/i18n/kas.properties} against the OH-INF XML and the main code, by reading both as files.
 * <ol>
 * <li>The file starts with exactly what openHAB's i18n tooling ({@code i18n-maven-plugin}, goal
 * {@code generate-default-translations}) generates from {@code addon.xml} and {@code thing-types.xml}: the same
 * sections, keys, order and values (labels and descriptions with line breaks and indentation folded into one space,
 * state options, {@code state.pattern} only for date patterns, no event options). The keys after it are kept by the
 * tool as they are: comment headers in lower case (the tool lowers them) and groups sorted by their first key.</li>
 * <li>Every other key is read: each {@code offline.*} key is named in the main code, as {@code "@text/<key>"} or as a
 * key string handed to {@code StatusTexts.text(...)} (the {@code offline.cloud-unreachable.*} keys in
 * {@code StatusTexts.cloudUnreachable}), or is {@code offline.config-error.<reason>} for a reason that a configuration
 * check passes to {@code InvalidInputException}; each {@code action.*} key is an {@code @text/} of
 * {@code KasLockActions}.</li>
 * <li>The reverse: every {@code @text/} and key string of the main code, and every reason of a configuration check,
 * has a key.</li>
 * <li>Every hand-written text is a valid {@link MessageFormat} pattern without a lone apostrophe (openHAB formats
 * status descriptions with {@link MessageFormat}, which would swallow it), and its placeholders {@code {0}} to
 * {@code {n-1}} are exactly the n arguments the code passes: counted at each {@code InvalidInputException} site for a
 * reason, and after the key string in the call that hands it to {@code StatusTexts.text(...)}.</li>
 * </ol>
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class I18nPropertiesTest {

    private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
    private static final Path OH_INF = MODULE.resolve("src/main/resources/OH-INF");
    private static final Path PROPERTIES = OH_INF.resolve("i18n/kas.properties");
    private static final List<Path> SOURCE_ROOTS = List.of(MODULE.resolve("src/main/java"));

    /** Where the {@code action.*} keys are read. */
    private static final String ACTIONS_SOURCE = "KasLockActions.java";
    /** Where the {@code offline.cloud-unreachable.*} keys are read, in method {@code cloudUnreachable}. */
    private static final String STATUS_TEXTS_SOURCE = "StatusTexts.java";
    /**
     * Sources whose {@code InvalidInputException}s are about the inputs of an action: the lock handler turns them into
     * the {@code INVALID_INPUT} result of the action, never into a thing status, so their reasons need no key.
     */
    private static final Set<String> ACTION_INPUT_SOURCES = Set.of("PinCodeRequest.java");
    private static final String EXCEPTION_SOURCE = "InvalidInputException.java";

    private static final String CONFIG_ERROR_PREFIX = "offline.config-error.";
    private static final String CLOUD_UNREACHABLE_PREFIX = "offline.cloud-unreachable.";

    /** The characters the tool escapes with a backslash in option values of keys. */
    private static final Pattern OPTION_ESCAPE = Pattern.compile("([ :=])");
    /** Line breaks and the indentation after them, as openHAB's XML readers fold them. */
    private static final Pattern LINE_BREAK = Pattern.compile("\\n\\s*");

    private static final Pattern TEXT_REFERENCE = Pattern.compile("\"@text/([A-Za-z0-9._-]+)([^\"]*)\"");
    private static final Pattern KEY_STRING = Pattern.compile("\"((?:offline|action)(?:\\.[A-Za-z0-9_-]+)+)\"");
    private static final Pattern INVALID_CALL = Pattern.compile("\\binvalid\\(\\s*\"([^\"]*)\"\\s*,\\s*");
    private static final Pattern NEW_EXCEPTION = Pattern.compile("\\bnew\\s+InvalidInputException\\(");
    private static final Pattern FACTORY_DECLARATION = Pattern
            .compile("public\\s+static\\s+InvalidInputException\\s+(\\w+)\\(");
    private static final Pattern FACTORY_USE = Pattern.compile("\\bInvalidInputException\\.(\\w+)\\(");
    private static final Pattern INVALID_HELPER = Pattern
            .compile("InvalidInputException\\s+invalid\\(\\s*String\\s+reason\\s*,\\s*List<String>\\s+arguments\\s*,");
    private static final Pattern REASON = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    /** One {@code key = value} line. */
    private record Entry(String key, String value) {
    }

    /** A section of the file: its comment header and its groups (separated by blank lines). */
    private record Section(String header, List<List<Entry>> groups) {
    }

    /** A main source file: its name and its text without comments (strings kept). */
    private record Source(String name, String code) {
    }

    /**
     * Where the main code names a key.
     *
     * @param arguments the number of arguments handed over with it, {@code null} when that cannot be derived
     */
    private record KeyUse(String key, String source, @Nullable Integer arguments) {
    }

    /** A place that creates an {@code InvalidInputException} with a reason and a number of arguments. */
    private record ReasonSite(String reason, int arguments, String source) {
    }

    private static List<String> lines = List.of();
    private static List<String> generatedLines = List.of();
    private static Map<String, String> handWritten = Map.of();
    private static List<Source> sources = List.of();
    private static List<KeyUse> textReferences = List.of();
    private static List<KeyUse> keyStrings = List.of();
    private static List<ReasonSite> reasonSites = List.of();

    @BeforeAll
    static void read() throws IOException, ParserConfigurationException, SAXException {
        String content = Files.readString(PROPERTIES, StandardCharsets.UTF_8);
        assertFalse(content.contains("\r"), "kas.properties has Unix line ends, as the tool writes them");
        lines = List.of(content.split("\n", -1));
        generatedLines = generatedByTheTool();
        Map<String, String> rest = new LinkedHashMap<>();
        for (String line : lines.subList(Math.min(generatedLines.size(), lines.size()), lines.size())) {
            Entry entry = entry(line);
            if (entry != null) {
                assertNull(rest.put(entry.key(), entry.value()), "key defined twice: " + entry.key());
            }
        }
        handWritten = rest;
        sources = readSources();
        List<KeyUse> references = new ArrayList<>();
        List<KeyUse> strings = new ArrayList<>();
        for (Source source : sources) {
            Matcher text = TEXT_REFERENCE.matcher(source.code());
            while (text.find()) {
                // "@text/key" stands for a text without arguments
                references.add(new KeyUse(group(text, 1), source.name(), group(text, 2).isEmpty() ? 0 : null));
            }
            Matcher key = KEY_STRING.matcher(source.code());
            while (key.find()) {
                strings.add(
                        new KeyUse(group(key, 1), source.name(), argumentsAfterKey(source, key.start(), key.end())));
            }
        }
        textReferences = references;
        keyStrings = strings;
        reasonSites = findReasonSites();
    }

    // (a) what the tool generates, then what it keeps

    @Test
    void startsWithWhatTheI18nToolGeneratesFromTheXml() {
        assertTrue(generatedLines.size() > 40, "the XML yields the generated keys: " + generatedLines);
        assertTrue(lines.size() > generatedLines.size(), "kas.properties has the hand-written keys after them");
        assertEquals(String.join("\n", generatedLines), String.join("\n", lines.subList(0, generatedLines.size())),
                "kas.properties must start with exactly what openHAB's i18n tool generates from OH-INF");
    }

    @Test
    void handWrittenKeysAreKeptByTheToolAsTheyAre() {
        List<String> rest = lines.subList(generatedLines.size(), lines.size());
        assertEquals("", rest.getLast(), "the file ends with one line break");
        assertNotEquals("", rest.get(rest.size() - 2), "the file ends with one line break");
        List<Section> sections = parseSections(rest);
        assertFalse(sections.isEmpty(), "hand-written sections");
        for (Section section : sections) {
            assertFalse(section.header().isBlank(), "every hand-written section has a header: " + section);
            assertEquals(section.header().toLowerCase(Locale.ROOT), section.header(),
                    "the tool writes section headers in lower case");
            List<String> firstKeys = section.groups().stream().map(g -> g.getFirst().key()).toList();
            assertEquals(firstKeys.stream().sorted().toList(), firstKeys,
                    "the tool sorts the groups of a section by their first key: " + section.header());
        }
        Set<String> generatedKeys = new HashSet<>();
        generatedLines.stream().map(I18nPropertiesTest::entry).filter(Objects::nonNull)
                .forEach(e -> generatedKeys.add(Objects.requireNonNull(e).key()));
        for (String key : handWritten.keySet()) {
            assertFalse(generatedKeys.contains(key), "generated from the XML, not hand-written: " + key);
        }
    }

    // (b) every hand-written key is read

    @Test
    void everyHandWrittenKeyIsReadByTheCode() {
        Set<String> statusReasons = statusReasons();
        Set<String> namedInCode = new HashSet<>();
        textReferences.forEach(use -> namedInCode.add(use.key()));
        keyStrings.forEach(use -> namedInCode.add(use.key()));
        Set<String> actionReferences = new HashSet<>();
        textReferences.stream().filter(use -> ACTIONS_SOURCE.equals(use.source()))
                .forEach(use -> actionReferences.add(use.key()));
        String cloudUnreachable = methodBody(source(STATUS_TEXTS_SOURCE), "cloudUnreachable");

        List<String> unread = new ArrayList<>();
        for (String key : handWritten.keySet()) {
            boolean read;
            if (key.startsWith("action.")) {
                read = actionReferences.contains(key);
            } else if (key.startsWith(CLOUD_UNREACHABLE_PREFIX)) {
                read = cloudUnreachable.contains("\"" + key + "\"");
            } else if (key.startsWith(CONFIG_ERROR_PREFIX)) {
                read = namedInCode.contains(key) || statusReasons.contains(key.substring(CONFIG_ERROR_PREFIX.length()));
            } else if (key.startsWith("offline.")) {
                read = namedInCode.contains(key);
            } else {
                read = false;
            }
            if (!read) {
                unread.add(key);
            }
        }
        assertEquals(List.of(), unread, "keys in kas.properties that nothing in the main code reads");
    }

    // (c) every key the code names exists

    @Test
    void everyKeyTheCodeNamesExists() {
        Set<String> keys = new HashSet<>(handWritten.keySet());
        generatedLines.stream().map(I18nPropertiesTest::entry).filter(Objects::nonNull)
                .forEach(e -> keys.add(Objects.requireNonNull(e).key()));
        Set<String> missing = new TreeSet<>();
        Stream.concat(textReferences.stream(), keyStrings.stream()).filter(use -> !keys.contains(use.key()))
                .forEach(use -> missing.add(use.key() + " (" + use.source() + ")"));
        for (String reason : statusReasons()) {
            if (!keys.contains(CONFIG_ERROR_PREFIX + reason)) {
                missing.add(CONFIG_ERROR_PREFIX + reason + " (reason of a configuration check)");
            }
        }
        assertEquals(Set.of(), missing, "keys the main code names that kas.properties lacks");
    }

    @Test
    void theScannersFindWhatTheCodeNames() {
        // guards the checks above against passing because a scanner found nothing
        assertTrue(textReferences.stream().anyMatch(u -> ACTIONS_SOURCE.equals(u.source())),
                "@text references of the actions: " + textReferences);
        assertTrue(keyStrings.stream().anyMatch(u -> u.key().startsWith(CLOUD_UNREACHABLE_PREFIX)),
                "cloud-unreachable key strings: " + keyStrings);
        assertTrue(statusReasons().size() >= 10, "reasons of the configuration checks: " + reasonSites);
        assertTrue(reasonSites.stream().anyMatch(s -> ACTION_INPUT_SOURCES.contains(s.source())),
                "reasons of the action inputs: " + reasonSites);
    }

    // (d) the templates and their placeholders

    @Test
    void everyHandWrittenTextIsAMessageFormatWithoutLoneApostrophe() {
        for (Map.Entry<String, String> entry : handWritten.entrySet()) {
            String value = entry.getValue();
            assertFalse(value.isBlank(), "empty text: " + entry.getKey());
            assertFalse(value.replace("''", "").contains("'"), entry.getKey() + ": a single apostrophe starts a "
                    + "quoted part in MessageFormat and disappears from the text; rephrase it: " + value);
            assertDoesNotThrow(() -> new MessageFormat(value, Locale.ROOT),
                    entry.getKey() + " is not a valid MessageFormat pattern: " + value);
        }
    }

    @Test
    void placeholdersMatchTheArgumentsTheCodePasses() {
        Map<String, Set<Integer>> expected = new TreeMap<>();
        List<String> notDerivable = new ArrayList<>();
        Stream.concat(textReferences.stream(), keyStrings.stream()).forEach(use -> {
            Integer arguments = use.arguments();
            if (arguments == null) {
                notDerivable.add(use.key() + " in " + use.source());
            } else {
                expect(expected, use.key(), arguments);
            }
        });
        assertEquals(List.of(), notDerivable,
                "the number of arguments cannot be derived; hand the key string to StatusTexts.text(key, args...) "
                        + "directly or through a helper that passes its parameters on unchanged");
        Set<String> statusReasons = statusReasons();
        for (ReasonSite site : reasonSites) {
            if (statusReasons.contains(site.reason())) {
                expect(expected, CONFIG_ERROR_PREFIX + site.reason(), site.arguments());
            }
        }
        assertTrue(expected.size() >= handWritten.size() / 2, "arguments derived for the keys: " + expected);
        for (Map.Entry<String, Set<Integer>> entry : expected.entrySet()) {
            @Nullable
            String template = handWritten.get(entry.getKey());
            if (template == null) {
                continue; // a missing key fails everyKeyTheCodeNamesExists
            }
            assertEquals(1, entry.getValue().size(),
                    entry.getKey() + " is passed different numbers of arguments: " + entry.getValue());
            int arguments = entry.getValue().iterator().next();
            assertEquals(arguments, placeholders(template), entry.getKey()
                    + ": the highest placeholder must be the last of the " + arguments + " arguments: " + template);
            String formatted = MessageFormat.format(template, markers(arguments));
            for (Object marker : markers(arguments)) {
                assertTrue(formatted.contains(String.valueOf(marker)),
                        entry.getKey() + " does not use the argument " + marker + ": " + template);
            }
        }
    }

    private static void expect(Map<String, Set<Integer>> expected, String key, int arguments) {
        Set<Integer> counts = expected.get(key);
        if (counts == null) {
            counts = new TreeSet<>();
            expected.put(key, counts);
        }
        counts.add(arguments);
    }

    private static int placeholders(String template) {
        return new MessageFormat(template, Locale.ROOT).getFormatsByArgumentIndex().length;
    }

    private static Object[] markers(int count) {
        Object[] markers = new Object[count];
        for (int i = 0; i < count; i++) {
            markers[i] = "<argument " + i + ">";
        }
        return markers;
    }

    // what the tool generates (XmlToTranslationsConverter and Translations of openHAB's i18n-plugin)

    private static List<String> generatedByTheTool() throws IOException, ParserConfigurationException, SAXException {
        assertFalse(Files.exists(OH_INF.resolve("config")), "OH-INF/config is not covered by this test");
        assertFalse(Files.exists(OH_INF.resolve("automation")), "OH-INF/automation is not covered by this test");
        Element addon = parse(OH_INF.resolve("addon/addon.xml"));
        String addonId = attribute(addon, "id");
        List<Element> thingTypes = new ArrayList<>();
        List<Element> channelGroupTypes = new ArrayList<>();
        List<Element> channelTypes = new ArrayList<>();
        try (Stream<Path> files = Files.list(OH_INF.resolve("thing"))) {
            for (Path file : files.sorted().toList()) {
                Element root = parse(file);
                assertEquals(addonId, attribute(root, "bindingId"), "binding id of " + file);
                thingTypes.addAll(children(root, "thing-type"));
                thingTypes.addAll(children(root, "bridge-type"));
                channelGroupTypes.addAll(children(root, "channel-group-type"));
                channelTypes.addAll(children(root, "channel-type"));
            }
        }

        List<String> out = new ArrayList<>();
        String addonPrefix = "addon." + addonId;
        section(out, "add-on", List.of(List.of(new Entry(addonPrefix + ".name", text(addon, "name")),
                new Entry(addonPrefix + ".description", text(addon, "description")))));
        section(out, "add-on config", configDescription(addon, "addon.config." + addonId, null));

        String thingPrefix = "thing-type." + addonId;
        List<List<Entry>> thingGroups = new ArrayList<>();
        List<List<Entry>> thingConfigGroups = new ArrayList<>();
        for (Element type : thingTypes) {
            String id = attribute(type, "id");
            List<Entry> entries = new ArrayList<>();
            entries.add(new Entry(thingPrefix + "." + id + ".label", text(type, "label")));
            entries.add(new Entry(thingPrefix + "." + id + ".description", text(type, "description")));
            entries.addAll(definitions(type, "channels", "channel", thingPrefix + "." + id + ".channel."));
            entries.addAll(definitions(type, "channel-groups", "channel-group", thingPrefix + "." + id + ".group."));
            thingGroups.add(entries);
            thingConfigGroups.addAll(configDescription(type, null, "thing-type:" + addonId + ":" + id));
        }
        section(out, "thing types", thingGroups);
        section(out, "thing types config", thingConfigGroups);

        List<List<Entry>> channelGroupGroups = new ArrayList<>();
        for (Element type : channelGroupTypes) {
            String prefix = "channel-group-type." + addonId + "." + attribute(type, "id");
            List<Entry> entries = new ArrayList<>();
            entries.add(new Entry(prefix + ".label", text(type, "label")));
            entries.add(new Entry(prefix + ".description", text(type, "description")));
            entries.addAll(definitions(type, "channels", "channel", prefix + ".channel."));
            channelGroupGroups.add(entries);
        }
        section(out, "channel group types", channelGroupGroups);

        String channelPrefix = "channel-type." + addonId;
        List<List<Entry>> channelGroups = new ArrayList<>();
        List<List<Entry>> channelConfigGroups = new ArrayList<>();
        for (Element type : channelTypes) {
            String id = attribute(type, "id");
            String prefix = channelPrefix + "." + id;
            List<Entry> entries = new ArrayList<>();
            entries.add(new Entry(prefix + ".label", text(type, "label")));
            entries.add(new Entry(prefix + ".description", text(type, "description")));
            Element state = child(type, "state");
            if (state != null) {
                entries.addAll(options(state, prefix + ".state.option."));
                String pattern = state.getAttribute("pattern");
                if (pattern.contains("%1$t")) {
                    entries.add(new Entry(prefix + ".state.pattern", pattern));
                }
            }
            Element command = child(type, "command");
            if (command != null) {
                // command options are not escaped by the tool
                Element options = child(command, "options");
                for (Element option : options == null ? List.<Element> of() : children(options, "option")) {
                    entries.add(new Entry(prefix + ".command.option." + attribute(option, "value"), fold(option)));
                }
            }
            // trigger channels: the tool writes no event options
            channelGroups.add(entries);
            channelConfigGroups.addAll(configDescription(type, null, "channel-type:" + addonId + ":" + id));
        }
        section(out, "channel types", channelGroups);
        section(out, "channel types config", channelConfigGroups);
        return out;
    }

    /** Translations.TranslationsSection: groups sorted by their first key; entries without text left out. */
    private static void section(List<String> out, String header, List<List<Entry>> groups) {
        List<List<Entry>> sorted = new ArrayList<>(groups);
        sorted.sort(Comparator.comparing(g -> g.isEmpty() ? "" : g.getFirst().key()));
        List<String> entries = sorted.stream().flatMap(List::stream)
                .filter(e -> !e.value().isBlank() && !e.value().startsWith("@text/"))
                .map(e -> e.key() + " = " + e.value()).toList();
        if (!entries.isEmpty()) {
            out.add("# " + header);
            out.add("");
            out.addAll(entries);
            out.add("");
        }
    }

    /** The labels and descriptions that channel or channel group definitions of a type override, sorted by id. */
    private static List<Entry> definitions(Element type, String listName, String name, String prefix) {
        Element list = child(type, listName);
        if (list == null) {
            return List.of();
        }
        List<Element> definitions = new ArrayList<>(children(list, name));
        definitions.sort(Comparator.comparing(d -> d.getAttribute("id")));
        List<Entry> entries = new ArrayList<>();
        for (Element definition : definitions) {
            String id = attribute(definition, "id");
            Element label = child(definition, "label");
            if (label != null) {
                entries.add(new Entry(prefix + id + ".label", fold(label)));
            }
            Element description = child(definition, "description");
            if (description != null) {
                entries.add(new Entry(prefix + id + ".description", fold(description)));
            }
        }
        return entries;
    }

    /**
     * The groups of an inline {@code config-description}: its parameter groups, then one group per parameter (label,
     * description, options).
     *
     * @param keyPrefix the prefix of the keys, or {@code null} to derive it from the URI
     * @param defaultUri the URI openHAB gives an inline description without {@code uri} attribute
     */
    private static List<List<Entry>> configDescription(Element owner, @Nullable String keyPrefix,
            @Nullable String defaultUri) {
        assertNull(child(owner, "config-description-ref"),
                "config-description-ref is not covered by this test: " + owner.getTagName());
        Element description = child(owner, "config-description");
        if (description == null) {
            return List.of();
        }
        String prefix = keyPrefix;
        if (prefix == null) {
            String uri = description.getAttribute("uri").isEmpty() ? Objects.requireNonNull(defaultUri)
                    : description.getAttribute("uri");
            prefix = uri.replaceFirst(":", ".config.").replace(":", ".");
        }
        List<List<Entry>> groups = new ArrayList<>();
        for (Element group : children(description, "parameter-group")) {
            String name = attribute(group, "name");
            groups.add(List.of(new Entry(prefix + ".group." + name + ".label", text(group, "label")),
                    new Entry(prefix + ".group." + name + ".description", text(group, "description"))));
        }
        for (Element parameter : children(description, "parameter")) {
            String parameterPrefix = prefix + "." + attribute(parameter, "name");
            List<Entry> entries = new ArrayList<>();
            entries.add(new Entry(parameterPrefix + ".label", text(parameter, "label")));
            entries.add(new Entry(parameterPrefix + ".description", text(parameter, "description")));
            entries.addAll(options(parameter, parameterPrefix + ".option."));
            groups.add(entries);
        }
        return groups;
    }

    /** State or parameter options, their values escaped as the tool does. */
    private static List<Entry> options(Element owner, String prefix) {
        Element options = child(owner, "options");
        if (options == null) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        for (Element option : children(options, "option")) {
            String value = OPTION_ESCAPE.matcher(attribute(option, "value")).replaceAll("\\\\$1");
            entries.add(new Entry(prefix + value, fold(option)));
        }
        return entries;
    }

    private static Element parse(Path file) throws IOException, ParserConfigurationException, SAXException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        try (InputStream in = Files.newInputStream(file)) {
            Document document = builder.parse(in);
            return document.getDocumentElement();
        }
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> children = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                children.add(element);
            }
        }
        return children;
    }

    private static @Nullable Element child(Element parent, String localName) {
        List<Element> children = children(parent, localName);
        return children.isEmpty() ? null : children.getFirst();
    }

    /** @return the folded text of a child element, or an empty string when there is none (the tool skips it) */
    private static String text(Element parent, String localName) {
        Element child = child(parent, localName);
        return child == null ? "" : fold(child);
    }

    /** openHAB's XML readers (NodeValue, ConverterValueMap): a line break and the blanks after it become a space. */
    private static String fold(Element element) {
        return LINE_BREAK.matcher(element.getTextContent()).replaceAll(" ").trim();
    }

    private static String attribute(Element element, String name) {
        String value = element.getAttribute(name);
        assertFalse(value.isEmpty(), "attribute " + name + " of " + element.getTagName());
        return value;
    }

    // the properties file as the tool reads it (PropertiesToTranslationsConverter)

    private static @Nullable Entry entry(String line) {
        String trimmed = line.trim();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return null;
        }
        int index = trimmed.indexOf('=');
        assertTrue(index > 0, "not a key = value line: " + line);
        return new Entry(trimmed.substring(0, index).trim(), trimmed.substring(index + 1).trim());
    }

    private static List<Section> parseSections(List<String> part) {
        List<Section> sections = new ArrayList<>();
        String header = "";
        List<List<Entry>> groups = new ArrayList<>();
        List<Entry> group = new ArrayList<>();
        boolean inHeader = false;
        for (String raw : part) {
            String line = "#".equals(raw.trim()) ? "" : raw.trim();
            if (line.startsWith("#")) {
                if (!inHeader) {
                    if (!group.isEmpty()) {
                        groups.add(group);
                        group = new ArrayList<>();
                    }
                    if (!groups.isEmpty()) {
                        sections.add(new Section(header, groups));
                    }
                    header = "";
                    groups = new ArrayList<>();
                }
                header = header.isEmpty() ? line.substring(1).trim() : header + "\n" + line.substring(1).trim();
                inHeader = true;
                continue;
            }
            inHeader = false;
            Entry entry = entry(line);
            if (entry != null) {
                group.add(entry);
            } else if (!group.isEmpty()) {
                groups.add(group);
                group = new ArrayList<>();
            }
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        if (!groups.isEmpty()) {
            sections.add(new Section(header, groups));
        }
        return sections;
    }

    // the main code, read as text

    private static List<Source> readSources() throws IOException {
        List<Source> result = new ArrayList<>();
        for (Path root : SOURCE_ROOTS) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    result.add(new Source(String.valueOf(file.getFileName()),
                            withoutComments(Files.readString(file, StandardCharsets.UTF_8))));
                }
            }
        }
        assertTrue(result.size() > 20, "main sources found under " + SOURCE_ROOTS);
        return result;
    }

    private static Source source(String name) {
        return sources.stream().filter(s -> name.equals(s.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no main source " + name));
    }

    /** Removes comments; string and character literals stay as they are. */
    private static String withoutComments(String code) {
        StringBuilder out = new StringBuilder(code.length());
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (code.startsWith("//", i)) {
                int end = code.indexOf('\n', i);
                i = end < 0 ? code.length() : end;
            } else if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                i = end < 0 ? code.length() : end + 2;
                out.append(' ');
            } else if (c == '"' || c == '\'') {
                int end = literalEnd(code, i);
                out.append(code, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** @return the index after the string, text block or character literal that starts at {@code start} */
    private static int literalEnd(String code, int start) {
        if (code.startsWith("\"\"\"", start)) {
            int end = code.indexOf("\"\"\"", start + 3);
            return end < 0 ? code.length() : end + 3;
        }
        char quote = code.charAt(start);
        int i = start + 1;
        while (i < code.length() && code.charAt(i) != quote) {
            i += code.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, code.length());
    }

    /**
     * @return the index of the first character at or after {@code from} that is outside string, text block and
     *         character literals and one of {@code characters}, or the length of the code if there is none
     */
    private static int nextOutsideLiterals(String code, int from, String characters) {
        int i = from;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                i = literalEnd(code, i);
            } else if (characters.indexOf(c) >= 0) {
                return i;
            } else {
                i++;
            }
        }
        return code.length();
    }

    /**
     * The arguments of the call that starts at {@code open} (the index after its opening parenthesis), split at the
     * commas outside parentheses, brackets, braces and literals.
     */
    private static List<String> callArguments(String code, int open) {
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        int start = open;
        int i = nextOutsideLiterals(code, open, "([{}]),");
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    String last = code.substring(start, i).trim();
                    if (!last.isEmpty() || !arguments.isEmpty()) {
                        arguments.add(last);
                    }
                    return arguments;
                }
                depth--;
            } else if (depth == 0) {
                arguments.add(code.substring(start, i).trim());
                start = i + 1;
            }
            i = nextOutsideLiterals(code, i + 1, "([{}]),");
        }
        throw new AssertionError("unbalanced call at " + code.substring(open, Math.min(code.length(), open + 80)));
    }

    /**
     * How many arguments go with a key string: it must be the first argument of a call; those after it count. The
     * call is {@code text(...)} ({@code StatusTexts.text}) or a method of the same file that hands its parameters on
     * to {@code text(...)} unchanged.
     *
     * @return the number of arguments, or {@code null} when it cannot be derived
     */
    private static @Nullable Integer argumentsAfterKey(Source source, int keyStart, int keyEnd) {
        String code = source.code();
        int before = keyStart - 1;
        while (before >= 0 && Character.isWhitespace(code.charAt(before))) {
            before--;
        }
        if (before < 0 || code.charAt(before) != '(') {
            return null;
        }
        int nameEnd = before;
        while (nameEnd > 0 && Character.isWhitespace(code.charAt(nameEnd - 1))) {
            nameEnd--;
        }
        int nameStart = nameEnd;
        while (nameStart > 0 && Character.isJavaIdentifierPart(code.charAt(nameStart - 1))) {
            nameStart--;
        }
        String callee = code.substring(nameStart, nameEnd);
        List<String> arguments = callArguments(code, before + 1);
        int after = arguments.size() - 1;
        if ("text".equals(callee)) {
            return after;
        }
        // a helper of the same file: callee(String key, String a, ...) { ... text(key, a, ...) ... }
        Matcher declaration = Pattern.compile("\\b" + Pattern.quote(callee) + "\\(([^()]*)\\)\\s*\\{").matcher(code);
        if (!declaration.find()) {
            return null;
        }
        List<String> parameters = new ArrayList<>();
        for (String parameter : group(declaration, 1).split(",")) {
            String[] words = parameter.trim().split("\\s+");
            parameters.add(words[words.length - 1]);
        }
        String body = blockAt(code, declaration.end() - 1);
        Matcher text = Pattern.compile("\\btext\\(").matcher(body);
        while (text.find()) {
            if (callArguments(body, text.end()).equals(parameters)) {
                return after;
            }
        }
        return null;
    }

    /** @return the body of the first method with this name */
    private static String methodBody(Source source, String method) {
        Matcher declaration = Pattern.compile("\\b" + Pattern.quote(method) + "\\([^()]*\\)\\s*\\{")
                .matcher(source.code());
        assertTrue(declaration.find(), "method " + method + " in " + source.name());
        return blockAt(source.code(), declaration.end() - 1);
    }

    /** @return the block whose opening brace is at {@code open}, without its braces */
    private static String blockAt(String code, int open) {
        int depth = 0;
        int i = nextOutsideLiterals(code, open, "{}");
        while (i < code.length()) {
            if (code.charAt(i) == '{') {
                depth++;
            } else if (--depth == 0) {
                return code.substring(open + 1, i);
            }
            i = nextOutsideLiterals(code, i + 1, "{}");
        }
        throw new AssertionError("unbalanced block");
    }

    /**
     * Every place that creates an {@code InvalidInputException}: {@code invalid("reason", List.of(...), ...)} calls of
     * the value types, {@code new InvalidInputException(parameter, "reason", List.of(...), ...)}, and the uses of the
     * factory methods of {@code InvalidInputException}, which name their reason and arguments the same way.
     */
    private static List<ReasonSite> findReasonSites() {
        Map<String, ReasonSite> factories = new LinkedHashMap<>();
        Source exception = source(EXCEPTION_SOURCE);
        Matcher factory = FACTORY_DECLARATION.matcher(exception.code());
        while (factory.find()) {
            String body = blockAt(exception.code(), exception.code().indexOf('{', factory.end()));
            List<ReasonSite> sites = newExceptionSites(new Source(EXCEPTION_SOURCE, body));
            assertEquals(1, sites.size(), "factory " + group(factory, 1) + " creates one exception: " + body);
            factories.put(group(factory, 1), sites.getFirst());
        }
        assertFalse(factories.isEmpty(), "factory methods of InvalidInputException");

        List<ReasonSite> result = new ArrayList<>();
        for (Source source : sources) {
            if (EXCEPTION_SOURCE.equals(source.name())) {
                continue;
            }
            String code = source.code();
            Matcher invalid = INVALID_CALL.matcher(code);
            while (invalid.find()) {
                result.add(site(source, group(invalid, 1), code, invalid.end()));
            }
            result.addAll(newExceptionSites(source));
            Matcher use = FACTORY_USE.matcher(code);
            while (use.find()) {
                @Nullable
                ReasonSite site = factories.get(group(use, 1));
                assertNotNull(site, "unknown factory InvalidInputException." + group(use, 1) + " in " + source.name());
                result.add(new ReasonSite(Objects.requireNonNull(site).reason(), site.arguments(), source.name()));
            }
            // every other invalid(...) call must be a helper declaration that hands its reason on
            Matcher anyInvalid = Pattern.compile("\\binvalid\\(").matcher(code);
            while (anyInvalid.find()) {
                String rest = code.substring(anyInvalid.end()).stripLeading();
                if (!rest.startsWith("\"")) {
                    assertTrue(rest.startsWith("String reason"),
                            "invalid(...) without a reason string in " + source.name() + ": " + rest.substring(0, 40));
                }
            }
        }
        return result;
    }

    /** {@code new InvalidInputException(parameter, "reason", List.of(...), message)}; helpers pass a variable. */
    private static List<ReasonSite> newExceptionSites(Source source) {
        List<ReasonSite> sites = new ArrayList<>();
        Matcher creation = NEW_EXCEPTION.matcher(source.code());
        while (creation.find()) {
            List<String> arguments = callArguments(source.code(), creation.end());
            assertEquals(4, arguments.size(), "InvalidInputException(parameter, reason, arguments, message) in "
                    + source.name() + ": " + arguments);
            String reason = arguments.get(1);
            if (reason.startsWith("\"")) {
                String literal = reason.substring(1, reason.length() - 1);
                int listStart = source.code().indexOf(arguments.get(2), creation.end());
                sites.add(site(source, literal, source.code(), listStart));
            } else {
                assertEquals("reason", reason,
                        "the reason is a string or the parameter of invalid(...) in " + source.name());
                assertTrue(INVALID_HELPER.matcher(source.code()).find(),
                        "a variable reason only in invalid(String reason, List<String> arguments, ...) of "
                                + source.name());
            }
        }
        return sites;
    }

    /** A reason with its {@code List.of(...)} arguments, which must start at {@code listStart}. */
    private static ReasonSite site(Source source, String reason, String code, int listStart) {
        assertTrue(REASON.matcher(reason).matches(), "a reason is the last part of a key: " + reason);
        String rest = code.substring(listStart);
        assertTrue(rest.startsWith("List.of("), "the arguments of reason " + reason + " in " + source.name()
                + " are not a List.of(...), so they cannot be counted: " + rest.substring(0, 40));
        return new ReasonSite(reason, callArguments(code, listStart + "List.of(".length()).size(), source.name());
    }

    /** The reasons that can become a thing status: those created outside the action inputs. */
    private static Set<String> statusReasons() {
        Set<String> reasons = new LinkedHashSet<>();
        reasonSites.stream().filter(site -> !ACTION_INPUT_SOURCES.contains(site.source()))
                .forEach(site -> reasons.add(site.reason()));
        return reasons;
    }

    private static String group(Matcher matcher, int group) {
        return Objects.requireNonNull(matcher.group(group));
    }
}
