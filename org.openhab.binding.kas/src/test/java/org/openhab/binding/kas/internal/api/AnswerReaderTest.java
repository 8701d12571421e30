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
package org.openhab.binding.kas.internal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tests of {@link AnswerReader#charsetOf(String)}: which charset decodes a body, for every form of
 * {@code Content-Type} the parser walks through.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class AnswerReaderTest {

    static Stream<Arguments> contentTypes() {
        return Stream.of( //
                Arguments.of(null, StandardCharsets.UTF_8), //
                Arguments.of("", StandardCharsets.UTF_8), //
                Arguments.of("text/plain", StandardCharsets.UTF_8), //
                Arguments.of("text/plain; charset=utf-8", StandardCharsets.UTF_8), //
                Arguments.of("text/plain;charset=UTF-8", StandardCharsets.UTF_8), //
                Arguments.of("text/plain; charset=ISO-8859-1", StandardCharsets.ISO_8859_1), //
                Arguments.of("text/plain; CharSet = \"utf-16\"", StandardCharsets.UTF_16), //
                Arguments.of("text/plain; format=flowed; charset=us-ascii", StandardCharsets.US_ASCII), //
                Arguments.of("text/plain; charset=no-such-charset", StandardCharsets.UTF_8), //
                Arguments.of("text/plain; charset=no-such-charset; charset=iso-8859-1", StandardCharsets.ISO_8859_1), //
                Arguments.of("text/plain; charset=", StandardCharsets.UTF_8), //
                Arguments.of("text/plain; =iso-8859-1", StandardCharsets.UTF_8), //
                Arguments.of("text/plain;;charset=iso-8859-1;", StandardCharsets.ISO_8859_1), //
                Arguments.of("charset=iso-8859-1", StandardCharsets.ISO_8859_1));
    }

    @ParameterizedTest(name = "[{index}] Content-Type: {0}")
    @MethodSource("contentTypes")
    void theCharsetOfTheContentTypeDecodesTheBody(@Nullable String contentType, Charset expected) {
        assertEquals(expected, AnswerReader.charsetOf(contentType));
    }
}
