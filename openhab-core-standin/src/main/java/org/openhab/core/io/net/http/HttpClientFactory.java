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
package org.openhab.core.io.net.http;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Stand-in for openHAB's factory of Jetty HTTP clients. openHAB starts and stops the clients it creates and shares
 * one common, already started client.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
public interface HttpClientFactory {

    /**
     * @param consumerName the consumer's name, used for its threads
     * @return a new client, not started
     */
    HttpClient createHttpClient(String consumerName);

    /**
     * @param consumerName the consumer's name, used for its threads
     * @param sslContextFactory TLS settings, or null for openHAB's
     * @return a new client, not started
     */
    HttpClient createHttpClient(String consumerName, @Nullable SslContextFactory sslContextFactory);

    /**
     * @return the started client shared by all consumers (never stop it)
     */
    HttpClient getCommonHttpClient();

    HTTP2Client createHttp2Client(String consumerName);

    HTTP2Client createHttp2Client(String consumerName, @Nullable SslContextFactory sslContextFactory);
}
