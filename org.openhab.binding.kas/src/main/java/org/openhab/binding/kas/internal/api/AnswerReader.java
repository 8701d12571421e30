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

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.kas.internal.api.transport.HttpAnswer;
import org.slf4j.Logger;

/**
 * Turns a received answer of the KAS cloud into a {@link KasResult}: decodes the body with the charset of its
 * {@code Content-Type} (UTF-8 otherwise), masks the API key in it, logs it at TRACE (never a PIN code) and classifies
 * it with {@link ResponseClassifier}; a body cut off at the limit is classified by its status.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
final class AnswerReader {

    private static final int LOG_BODY_MAX = 200;

    private final Logger logger;
    private final int maxBodyBytes;
    /** The charset of the latest {@code Content-Type}: KAS sends the same one every time. */
    private volatile @Nullable DecodedContentType latest;

    private record DecodedContentType(String contentType, Charset charset) {
    }

    /**
     * @param logger the client's logger (for the TRACE line of the body)
     * @param maxBodyBytes the limit the transport cut bodies at
     */
    AnswerReader(Logger logger, int maxBodyBytes) {
        this.logger = logger;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * @param id the request's number in the log
     * @param answer the answer
     * @param pinRequest whether the request was a PIN request
     * @param redactor masks the API key
     * @return the result
     */
    KasResult read(long id, HttpAnswer.Received answer, boolean pinRequest, UnaryOperator<String> redactor) {
        int status = answer.status();
        byte[] bytes = answer.body();
        String body = redactor.apply(new String(bytes, charsetFor(answer.contentType())));
        if (logger.isTraceEnabled()) {
            String logBody = pinRequest && status == 200 && ResponseClassifier.extractPinCode(body) != null
                    ? "<PIN code, " + body.strip().length() + " characters>"
                    : "'" + LogSafe.shorten(body, LOG_BODY_MAX) + "'";
            logger.trace("KAS #{} answer HTTP {}, {} bytes{}: {}", id, status, bytes.length,
                    answer.oversized() ? " (cut off)" : "", logBody);
        }
        if (!answer.oversized()) {
            return ResponseClassifier.classify(status, body, pinRequest);
        }
        String tooLarge = "response larger than " + maxBodyBytes / 1024 + " KiB";
        if (status == 200) {
            return KasResult.of(KasOutcome.UNEXPECTED_RESPONSE,
                    "The KAS cloud answered HTTP 200 with a " + tooLarge + "; it was not read.", status);
        }
        // the status decides; the beginning of the body is enough for the reason
        KasResult classified = ResponseClassifier.classify(status, body, pinRequest);
        return new KasResult(classified.outcome(), classified.message() + " (" + tooLarge + ")", classified.code(),
                status);
    }

    private Charset charsetFor(@Nullable String contentType) {
        if (contentType == null) {
            return StandardCharsets.UTF_8;
        }
        DecodedContentType known = latest;
        if (known != null && known.contentType().equals(contentType)) {
            return known.charset();
        }
        Charset charset = charsetOf(contentType);
        latest = new DecodedContentType(contentType, charset);
        return charset;
    }

    static Charset charsetOf(@Nullable String contentType) {
        if (contentType == null) {
            return StandardCharsets.UTF_8;
        }
        // the parts between semicolons, e.g. of "text/plain; charset=utf-8"
        int from = 0;
        while (from <= contentType.length()) {
            int end = contentType.indexOf(';', from);
            if (end < 0) {
                end = contentType.length();
            }
            String parameter = contentType.substring(from, end);
            int equals = parameter.indexOf('=');
            if (equals > 0 && "charset".equalsIgnoreCase(parameter.substring(0, equals).strip())) {
                String name = parameter.substring(equals + 1).strip().replace("\"", "");
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException e) {
                    // unknown or illegal charset name: try the next part, then fall back to UTF-8
                }
            }
            from = end + 1;
        }
        return StandardCharsets.UTF_8;
    }
}
