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
/**
 * An emulator of the KAS cloud API, started with {@link org.openhab.addons.kas.emulator.KasCloudEmulator}:
 * <ul>
 * <li>Routing: {@code GET /api/lockCommand/remoteUnlock/{factoryNumber}/{apiKey}} ({@link Endpoint#UNLOCK}),
 * {@code POST /api/lockCommand/pinCode/{factoryNumber}} with {@code {"mode","duration","startTime","apiKey"}}
 * ({@link Endpoint#PIN_CODE}), {@code GET /} answers {@code 200 KAS cloud emulator} ({@link Endpoint#ROOT}), anything
 * else {@code 404} ({@link Endpoint#OTHER}, {@code HEAD} requests included).</li>
 * <li>State: accounts (API keys) and locks (owner, admin right, gateway online), set up with
 * {@link KasCloudEmulator#addAccount} and {@link KasCloudEmulator#addLock}. Answers follow the KAS business order:
 * unknown key ({@code 400 Invalid Token.}), then unknown or foreign lock ({@code 400 Lock is not found.}), then
 * missing admin right ({@code 400 You are not the admin.}), then (unlock only) offline gateway ({@code 504} JSON); PIN
 * parameters are checked before all that ({@code 400 Invalid parameters.}). The state is read when the answer is
 * made, i.e. after any delay or hold.</li>
 * <li>Queue limit: like KAS, an account has at most {@link KasCloudEmulator#QUEUE_LIMIT} calls (unlock and PIN, with a
 * registered key) in flight, counted from arrival until the answer is written. A call arriving while that many are in
 * flight is dropped: it is answered {@code 200 Door is unlocking…} (after the same delays) but never executed, and
 * counted in {@link KasCloudEmulator#droppedCalls}. A dropped call is itself in flight until answered.</li>
 * <li>Faults ({@link Fault}) script misbehaviour; they are matched after routing and the queue accounting, before the
 * business logic.</li>
 * <li>Journal: every request, with API keys masked as {@code ***} ({@link KasCloudEmulator#requests()});
 * {@link KasCloudEmulator#executedUnlocks()} lists the unlocks that reached a lock.</li>
 * </ul>
 * The HTTP/1.1 server is the emulator's own (plain sockets, one virtual thread per connection, no web server
 * library); it needs no library but Gson.
 *
 * @author KAS binding contributors - Initial contribution
 */
package org.openhab.addons.kas.emulator;
